#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board: GStreamer's stateless MPEG-2 decoder element decodes each
# test stream in /run/data/streams through vsoc-vdec into
# /run/data/out/NAME.nv12 (compared with ffmpeg's decode on the host by
# tests/groups/vdec.sh).
. /vsoc/tests/lib.sh

# v4l2codecs names the element of the first decoder it finds
# v4l2slmpeg2dec; vsoc-vdec is the only one on the board at boot.
el=v4l2slmpeg2dec
if ! gst-inspect-1.0 "$el" >/tmp/inspect 2>&1; then
	t_fail gst-element "GStreamer has no $el: $(tail -n 2 /tmp/inspect)"
	t_done
	exit 0
fi
t_pass gst-element

# Decoded to tmpfs first: a frame GStreamer does not copy is written
# from the V4L2 buffer's mapping, which 9p's zero-copy path cannot pin.
for s in /run/data/streams/*.m2v; do
	name=$(basename "$s" .m2v)
	t_check "gst-decode/$name" gst-launch-1.0 -q filesrc location="$s" ! \
		mpegvideoparse ! "$el" ! video/x-raw,format=NV12 ! \
		filesink location="/tmp/$name.nv12"
	mv "/tmp/$name.nv12" "/run/data/out/$name.nv12"
done
t_done
