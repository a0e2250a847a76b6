#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board: v4l2-compliance of vsoc-vdec's media and video devices,
# streaming real FWHT data through the Request API; and an FWHT stream
# encoded by vicodec decoded by vsoc-vdec and by vicodec's stateless
# decoder into /run/data/out (compared on the host by
# tests/groups/vdec.sh). visl runs the same compliance test in the same
# boot: vsoc-vdec must pass at least as many.
. /vsoc/tests/lib.sh

W=640
H=480
FRAMES=12

# video_by_driver DRIVER [NAME]: the video node of DRIVER (and of the
# video device named NAME).
video_by_driver() {
	local v
	for v in /sys/class/video4linux/video*; do
		[ -n "${2:-}" ] && [ "$(cat "$v/name")" != "$2" ] && continue
		v=/dev/$(basename "$v")
		v4l2-ctl -d "$v" -D 2>/dev/null | grep -qE "Driver name *: *$1\$" && {
			echo "$v"
			return 0
		}
	done
	return 1
}

media_by_driver() {
	local m
	for m in /dev/media*; do
		media-ctl -d "$m" -p 2>/dev/null | grep -qE "^driver +$1\$" && {
			echo "$m"
			return 0
		}
	done
	return 1
}

# compliance NAME ARGS...: one result, with v4l2-compliance's totals.
compliance() {
	local name=$1 log=/tmp/$1.log total
	shift
	v4l2-compliance "$@" >"$log" 2>&1
	total=$(grep -E '^Total for ' "$log" | tail -n 1)
	echo "$total" >"/run/data/out/$name.total"
	if echo "$total" | grep -qE 'Failed: 0, Warnings: 0$'; then
		t_pass "$name" "$total"
	else
		grep -E 'fail|warn' "$log" | head -n 20 | sed 's/^/    | /'
		t_fail "$name" "${total:-no totals}"
	fi
}

# succeeded NAME: the "Succeeded" count of a compliance run.
succeeded() { sed -nE 's/.*Succeeded: ([0-9]+),.*/\1/p' "/run/data/out/$1.total"; }

vdec=$(video_by_driver vsoc-vdec) || { t_fail vdec-video "no vsoc-vdec video device"; t_done; exit 0; }
mdev=$(media_by_driver vsoc-vdec) || { t_fail vdec-media "no vsoc-vdec media device"; t_done; exit 0; }
t_pass vdec-devices "$vdec $mdev"

# An FWHT stream: vicodec's stateful encoder on a moving test pattern.
modprobe vicodec
enc=$(video_by_driver vicodec stateful-encoder) &&
	sdec=$(video_by_driver vicodec stateless-decoder)
t_eq vicodec-devices "$?" 0
gst-launch-1.0 -q videotestsrc pattern=ball num-buffers=$FRAMES ! \
	video/x-raw,format=NV12,width=$W,height=$H ! filesink location=/tmp/src.nv12
cp /tmp/src.nv12 /run/data/out/fwht-src.nv12
t_check fwht-encode v4l2-ctl -d "$enc" \
	--set-fmt-video-out width=$W,height=$H,pixelformat=NV12 \
	--set-fmt-video pixelformat=FWHT --stream-mmap --stream-out-mmap \
	--stream-from /tmp/src.nv12 --stream-to-hdr /run/data/fwht.hdr \
	--stream-count $FRAMES

# The same stream through both stateless decoders.
for d in vicodec:"$sdec" vsoc:"$vdec"; do
	t_check "fwht-decode-${d%%:*}" v4l2-ctl -d "${d#*:}" \
		--set-fmt-video pixelformat=NV12 --stream-mmap --stream-out-mmap \
		--stream-from-hdr /run/data/fwht.hdr \
		--stream-to "/tmp/fwht-${d%%:*}.nv12"
	# Through tmpfs: 9p cannot write from a V4L2 buffer's mapping.
	mv "/tmp/fwht-${d%%:*}.nv12" /run/data/out/
done

compliance compliance-media -m "$mdev"
compliance compliance-video -d "$vdec" -s --stream-from-hdr /run/data/fwht.hdr

modprobe visl
visl=$(video_by_driver visl)
compliance compliance-visl -d "$visl" -s
t_check compliance-vs-visl test "$(succeeded compliance-video)" -ge "$(succeeded compliance-visl)"
t_done
