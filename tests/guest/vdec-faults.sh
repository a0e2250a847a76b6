#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board: vsoc-vdec when the block misbehaves, and when it goes
# away under a running decode. With the model's fault injection a hung
# block is failed by the driver's watchdog and reset, a bus error fails
# its picture, and both times the next decode is whole and right again;
# null decode keeps the protocol without the pixel work; unbinding the
# driver and unloading the model with a decode running end the decode
# with an error, not a hang, and the block comes back.
. /vsoc/tests/lib.sh

drv=/sys/bus/platform/drivers/vsoc-vdec
dev=
for d in "$drv"/*; do
	[ -e "$d/of_node" ] && dev=$(basename "$d") && break
done
dbg=$(ls -d /sys/kernel/debug/vsoc-sim/*/video-codec@1000 2>/dev/null | head -n 1)
if [ -z "$dev" ] || [ -z "$dbg" ]; then
	t_fail vdec-bound "no bound vsoc-vdec device with its model's debugfs"
	t_done
	exit 0
fi
stream=$(ls -S /run/data/streams/*.m2v 2>/dev/null | grep -v bench | head -n 1)
small=$(ls -Sr /run/data/streams/*.m2v 2>/dev/null | head -n 1)
if [ -z "$stream" ]; then
	t_fail streams "no MPEG-2 stream in /run/data/streams"
	t_done
	exit 0
fi
# GStreamer names the element of the only decoder on the board so.
decode() { # STREAM OUT
	timeout 120 gst-launch-1.0 -q filesrc location="$1" ! mpegvideoparse ! \
		v4l2slmpeg2dec ! video/x-raw,format=NV12 ! filesink location="$2" \
		>/dev/null 2>&1
}
n() { cat "$dbg/$1"; }

# The reference: an undisturbed decode.
t_check reference-decode decode "$small" /tmp/ref.nv12
ref=$(md5sum </tmp/ref.nv12)

# A hung block: the watchdog resets it and fails that picture only.
# (GStreamer stops at the failed picture; what matters is that it
# returns, through the watchdog, not the timeout.)
echo 1 >"$dbg/hang"
decode "$small" /tmp/hang.nv12
t_check hang-decode-returns test $? -ne 124
t_eq hang-consumed "$(n hang)" 0
t_check hang-watchdog sh -c "dmesg | grep -q 'job timed out after'"
t_check hang-recovers decode "$small" /tmp/after-hang.nv12
t_eq hang-recovered-picture "$(md5sum </tmp/after-hang.nv12)" "$ref"

# A bus error: the block raises ERROR with BUS for that picture.
errs0=$(n errors)
echo 1 >"$dbg/bus_error"
decode "$small" /tmp/bus.nv12
t_check bus-error-decode-returns test $? -ne 124
t_eq bus-error-consumed "$(n bus_error)" 0
t_eq bus-error-counted "$(n errors)" $((errs0 + 1))
t_check bus-error-recovers decode "$small" /tmp/after-bus.nv12
t_eq bus-error-recovered-picture "$(md5sum </tmp/after-bus.nv12)" "$ref"

# Null decode: every job done, no picture work.
jobs0=$(n jobs)
echo 1 >"$dbg/null_decode"
t_check null-decode-runs decode "$small" /tmp/null.nv12
echo 0 >"$dbg/null_decode"
t_check null-decode-jobs test "$(n jobs)" -gt "$jobs0"

# A job in flight when the device goes: the block is made to hang on
# the next job (the knob reads 0 once that job started) and the device
# goes while it hangs, before the driver's watchdog (2 s) would fail it.
# A fixed delay instead lands anywhere from GStreamer's start-up (the
# element not even created yet) to after the last picture, depending
# on the host's load.
in_flight() { # DECODE-PID
	echo 1 >"$dbg/hang"
	wait_for 60 "[ \$(n hang) = 0 ] || ! kill -0 $1 2>/dev/null"
	[ "$(n hang)" = 0 ]
}

# Unbind the driver in the middle of a decode: the decode ends in
# error, nothing hangs, and bound again the block decodes.
decode "$stream" /tmp/unbind.nv12 &
pid=$!
t_check unbind-job-in-flight in_flight "$pid"
echo "$dev" >"$drv/unbind"
wait "$pid"
rc=$?
t_check unbind-ends-decode test $rc -ne 124
t_check unbind-fails-decode test $rc -ne 0
echo 0 >"$dbg/hang"
echo "$dev" >"$drv/bind"
t_check rebind-decodes decode "$small" /tmp/rebind.nv12
t_eq rebind-picture "$(md5sum </tmp/rebind.nv12)" "$ref"

# Unload the model (the block disappears) in the middle of a decode.
decode "$stream" /tmp/unload.nv12 &
pid=$!
t_check unload-job-in-flight in_flight "$pid"
t_check model-unload modprobe -r vsoc-vdec-model
wait "$pid"
rc=$?
t_check model-unload-ends-decode test $rc -ne 124
t_check model-unload-fails-decode test $rc -ne 0
t_check model-reload modprobe vsoc-vdec-model
t_check model-reload-probes wait_for 10 "[ -e $drv/$dev ]"
t_check model-reload-decodes decode "$small" /tmp/reload.nv12
t_eq model-reload-picture "$(md5sum </tmp/reload.nv12)" "$ref"

# And the driver module with its device idle.
t_check driver-unload modprobe -r vsoc-vdec
t_check driver-reload modprobe vsoc-vdec
t_check driver-reload-probes wait_for 10 "[ -e $drv/$dev ]"
t_done
