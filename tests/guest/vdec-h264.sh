#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board: GStreamer's stateless H.264 decoder element decodes each
# Annex B test stream in /run/data/streams through vsoc-vdec into
# /run/data/out/NAME.nv12 (compared with ffmpeg's decode on the host by
# tests/groups/vdec.sh).
. /vsoc/tests/lib.sh

el=v4l2slh264dec
if ! gst-inspect-1.0 "$el" >/tmp/inspect 2>&1; then
	t_fail gst-element-h264 "GStreamer has no $el: $(tail -n 2 /tmp/inspect)"
	t_done
	exit 0
fi
t_pass gst-element-h264

for s in /run/data/streams/*.h264; do
	name=$(basename "$s" .h264)
	set -- gst-launch-1.0 -q filesrc location="$s" ! h264parse ! "$el" ! \
		video/x-raw,format=NV12 ! filesink location="/tmp/$name.nv12"
	t_check "gst-decode/$name" "$@"
	[ ! -e "/tmp/$name.nv12" ] || mv "/tmp/$name.nv12" "/run/data/out/$name.nv12"
done
t_done
