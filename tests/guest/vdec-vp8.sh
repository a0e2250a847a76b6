#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board: GStreamer's stateless VP8 decoder element decodes each
# IVF test stream in /run/data/streams through vsoc-vdec into
# /run/data/out/NAME.nv12 (compared with ffmpeg's decode on the host by
# tests/groups/vdec.sh). Also records whether the board's FFmpeg has the
# v4l2-request hwaccel (/run/data/out/ffmpeg-hwaccels).
. /vsoc/tests/lib.sh

if command -v ffmpeg >/dev/null; then
	ffmpeg -hide_banner -hwaccels >/run/data/out/ffmpeg-hwaccels 2>&1
else
	echo "no ffmpeg on the board" >/run/data/out/ffmpeg-hwaccels
fi

el=v4l2slvp8dec
if ! gst-inspect-1.0 "$el" >/tmp/inspect 2>&1; then
	t_fail gst-element-vp8 "GStreamer has no $el: $(tail -n 2 /tmp/inspect)"
	t_done
	exit 0
fi
t_pass gst-element-vp8

# Decoded to tmpfs first, as for MPEG-2 (9p cannot pin V4L2 mappings).
for s in /run/data/streams/*.ivf; do
	name=$(basename "$s" .ivf)
	t_check "gst-decode/$name" gst-launch-1.0 -q filesrc location="$s" ! \
		ivfparse ! "$el" ! video/x-raw,format=NV12 ! \
		filesink location="/tmp/$name.nv12"
	mv "/tmp/$name.nv12" "/run/data/out/$name.nv12"
done
t_done
