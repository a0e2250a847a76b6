#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board, the vsoc-vdec benchmark (run by tests/vdec/bench.sh):
# wall-clock time of GStreamer pipelines on /run/data/bench.m2v, copied
# to tmpfs first so that 9p reads are not measured.
#
#   parse      filesrc ! mpegvideoparse ! fakesink
#   vsoc       ... ! mpegvideoparse ! <vsoc-vdec's element> ! fakesink
#   vsoc-null  the same with the model's debugfs null_decode set (the
#              block reads the bitstream but does no pixel work)
#   visl       the same through visl's element (the kernel's virtual
#              stateless decoder, loaded here)
#
# One warm-up round, then RUNS rounds of the four cases in turn, so that
# load on the host hits every case alike; /run/data/bench.env sets RUNS
# (default 5) and FRAMES (the stream's frames: each vsoc-vdec run must
# have run the block at least that many times, a visl run never). Each
# timed run appends "CASE SECONDS" to /run/data/bench.txt. A case that
# cannot run is a FAIL; the figures are not judged (see the README).
. /vsoc/tests/lib.sh

RUNS=5 FRAMES=1
[ -r /run/data/bench.env ] && . /run/data/bench.env
runs=$RUNS
out=/run/data/bench.txt
: >"$out"

cp /run/data/bench.m2v /tmp/bench.m2v || { t_fail stream "no /run/data/bench.m2v"; t_done; exit 0; }

# The model's debugfs directory.
dbg=$(echo /sys/kernel/debug/vsoc-sim/*/video-codec@1000)
if [ -w "$dbg/null_decode" ] && [ -r "$dbg/jobs" ]; then
	t_pass debugfs
else
	t_fail debugfs "no null_decode/jobs under $dbg"
	t_done
	exit 0
fi

# visl after boot: GStreamer's registry scanned the devices before it
# came, so a fresh registry for every run here.
if modprobe visl; then
	t_pass visl-load
else
	t_fail visl-load "modprobe visl failed"
fi
export GST_REGISTRY=/tmp/gst-bench-registry.bin
rm -f "$GST_REGISTRY"

# devnode DRIVER-NAME: the video node (videoN) of the V4L2 device so named.
devnode() {
	local v
	for v in /sys/class/video4linux/video*; do
		[ "$(cat "$v/name")" = "$1" ] && { basename "$v"; return 0; }
	done
	return 1
}
# element NODE: v4l2codecs names the MPEG-2 decoder of the first device
# it finds v4l2slmpeg2dec and the others v4l2sl<node>mpeg2dec.
element() {
	if gst-inspect-1.0 "v4l2sl$1mpeg2dec" >/dev/null 2>&1; then
		echo "v4l2sl$1mpeg2dec"
	elif gst-inspect-1.0 v4l2slmpeg2dec >/dev/null 2>&1; then
		echo v4l2slmpeg2dec
	else
		return 1
	fi
}
declare -A el
for d in vsoc:vsoc-vdec visl:visl; do
	case=${d%%:*}
	if node=$(devnode "${d#*:}") && e=$(element "$node"); then
		el[$case]=$e
		t_pass "element/$case"
		echo "bench: $case is ${d#*:} on /dev/$node, element $e"
	else
		t_fail "element/$case" "no V4L2 device or GStreamer element for ${d#*:}"
	fi
done
# Both on one name would mean the naming rule above is wrong.
if [ -n "${el[vsoc]-}" ] && [ "${el[vsoc]}" = "${el[visl]-}" ]; then
	t_fail element "vsoc-vdec and visl both resolved to ${el[vsoc]}"
	el=()
fi

njobs() { cat "$dbg/jobs"; }

# pipeline CASE: the gst-launch arguments of CASE
pipeline() {
	local dec=
	case $1 in
	parse) ;;
	vsoc | vsoc-null) dec="${el[vsoc]} !" ;;
	visl) dec="${el[visl]} !" ;;
	esac
	echo "filesrc location=/tmp/bench.m2v ! mpegvideoparse ! $dec fakesink"
}

declare -A failed
# run CASE RECORD: one timed run; RECORD=1 appends it to $out.
run() {
	local c=$1 j0 j1 t0 t1 st
	[ -z "${failed[$c]-}" ] || return 0
	case $c in
	vsoc | vsoc-null) [ -n "${el[vsoc]-}" ] || { failed[$c]=1; return 0; } ;;
	visl) [ -n "${el[visl]-}" ] || { failed[$c]=1; return 0; } ;;
	esac
	[ "$c" = vsoc-null ] && echo 1 >"$dbg/null_decode"
	j0=$(njobs)
	t0=$(date +%s.%N)
	# shellcheck disable=SC2046 # the pipeline is words for gst-launch
	gst-launch-1.0 -q $(pipeline "$c") >/dev/null 2>/tmp/bench-err
	st=$?
	t1=$(date +%s.%N)
	j1=$(njobs)
	echo 0 >"$dbg/null_decode"
	if [ $st -ne 0 ]; then
		failed[$c]=1
		sed 's/^/    | /' /tmp/bench-err | tail -n 20
		t_fail "run/$c" "gst-launch-1.0 $(pipeline "$c") exited with $st"
		return 0
	fi
	# Only vsoc-vdec's cases may reach the block, and they must.
	case $c in
	vsoc | vsoc-null)
		if [ $((j1 - j0)) -lt "$FRAMES" ]; then
			failed[$c]=1
			t_fail "run/$c" "the block ran $((j1 - j0)) jobs"
			return 0
		fi ;;
	*)
		if [ "$j1" != "$j0" ]; then
			failed[$c]=1
			t_fail "run/$c" "the block ran $((j1 - j0)) jobs"
			return 0
		fi ;;
	esac
	[ "$2" = 1 ] && echo "$c $(echo "$t1 - $t0" | awk '{ printf "%.3f", $1 - $3 }')" >>"$out"
	return 0
}

cases="parse vsoc vsoc-null visl"
for c in $cases; do
	run "$c" 0
done
for ((i = 0; i < runs; i++)); do
	for c in $cases; do
		run "$c" 1
	done
done
for c in $cases; do
	[ -n "${failed[$c]-}" ] || t_pass "run/$c"
done
cat "$out"
t_done
