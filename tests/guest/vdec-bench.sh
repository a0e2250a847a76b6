#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board, the vsoc-vdec benchmark (run by tests/vdec/bench.sh):
# wall-clock time of GStreamer pipelines on the 720p stream of each codec,
# /run/data/bench-CODEC.EXT, copied to tmpfs first so that 9p reads are
# not measured. Per codec (mpeg2, h264, vp8):
#
#   parse      filesrc ! PARSER ! fakesink
#   vsoc       ... ! PARSER ! <vsoc-vdec's element> ! fakesink
#   vsoc-null  the same with the model's debugfs null_decode set (the
#              block reads the bitstream but does no pixel work)
#   visl       the same through visl's element (the kernel's virtual
#              stateless decoder, loaded here)
#
# One warm-up round, then RUNS rounds of the four cases in turn, so that
# load on the host hits every case alike. /run/data/bench.env sets RUNS
# (default 5), CODECS (the codecs to run) and FRAMES_CODEC (the stream's
# frames: each vsoc-vdec run must have run the block at least that many
# times, a visl run never). Each timed run appends "CODEC CASE SECONDS"
# to /run/data/bench.txt. A case that cannot run is a FAIL; the figures
# are not judged (see the README).
. /vsoc/tests/lib.sh

RUNS=5 CODECS=mpeg2
[ -r /run/data/bench.env ] && . /run/data/bench.env
out=/run/data/bench.txt
: >"$out"

declare -A ext=([mpeg2]=m2v [h264]=h264 [vp8]=ivf)
declare -A parser=([mpeg2]=mpegvideoparse [h264]=h264parse [vp8]=ivfparse)

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
# element NODE CODEC: v4l2codecs names the decoder of the first device it
# finds v4l2slCODECdec and the others v4l2sl<node>CODECdec.
element() {
	if gst-inspect-1.0 "v4l2sl$1$2dec" >/dev/null 2>&1; then
		echo "v4l2sl$1$2dec"
	elif gst-inspect-1.0 "v4l2sl$2dec" >/dev/null 2>&1; then
		echo "v4l2sl$2dec"
	else
		return 1
	fi
}

njobs() { cat "$dbg/jobs"; }

declare -A el failed
# pipeline CODEC CASE: the gst-launch arguments of CASE
pipeline() {
	local dec=
	case $2 in
	parse) ;;
	vsoc | vsoc-null) dec="${el[$1/vsoc]} !" ;;
	visl) dec="${el[$1/visl]} !" ;;
	esac
	echo "filesrc location=/tmp/bench.${ext[$1]} ! ${parser[$1]} ! $dec fakesink"
}

# run CODEC CASE RECORD: one timed run; RECORD=1 appends it to $out.
run() {
	local k=$1 c=$2 j0 j1 t0 t1 st frames
	[ -z "${failed[$k/$c]-}" ] || return 0
	case $c in
	vsoc | vsoc-null | visl)
		[ -n "${el[$k/${c%-null}]-}" ] || { failed[$k/$c]=1; return 0; } ;;
	esac
	[ "$c" = vsoc-null ] && echo 1 >"$dbg/null_decode"
	j0=$(njobs)
	t0=$(date +%s.%N)
	# shellcheck disable=SC2046 # the pipeline is words for gst-launch
	gst-launch-1.0 -q $(pipeline "$k" "$c") >/dev/null 2>/tmp/bench-err
	st=$?
	t1=$(date +%s.%N)
	j1=$(njobs)
	echo 0 >"$dbg/null_decode"
	if [ $st -ne 0 ]; then
		failed[$k/$c]=1
		sed 's/^/    | /' /tmp/bench-err | tail -n 20
		t_fail "run/$k/$c" "gst-launch-1.0 $(pipeline "$k" "$c") exited with $st"
		return 0
	fi
	# Only vsoc-vdec's cases may reach the block, and they must.
	frames=FRAMES_$k
	case $c in
	vsoc | vsoc-null)
		if [ $((j1 - j0)) -lt "${!frames:-1}" ]; then
			failed[$k/$c]=1
			t_fail "run/$k/$c" "the block ran $((j1 - j0)) jobs"
			return 0
		fi ;;
	*)
		if [ "$j1" != "$j0" ]; then
			failed[$k/$c]=1
			t_fail "run/$k/$c" "the block ran $((j1 - j0)) jobs"
			return 0
		fi ;;
	esac
	[ "$3" = 1 ] && echo "$k $c $(echo "$t1 - $t0" | awk '{ printf "%.3f", $1 - $3 }')" >>"$out"
	return 0
}

cases="parse vsoc vsoc-null visl"
for k in $CODECS; do
	if ! cp "/run/data/bench-$k.${ext[$k]}" "/tmp/bench.${ext[$k]}"; then
		t_fail "stream/$k" "no /run/data/bench-$k.${ext[$k]}"
		continue
	fi
	for d in vsoc:vsoc-vdec visl:visl; do
		c=${d%%:*}
		if node=$(devnode "${d#*:}") && e=$(element "$node" "$k"); then
			el[$k/$c]=$e
			t_pass "element/$k/$c"
			echo "bench: $k $c is ${d#*:} on /dev/$node, element $e"
		else
			t_fail "element/$k/$c" "no V4L2 device or GStreamer element for ${d#*:}"
		fi
	done
	# Both on one name would mean the naming rule above is wrong.
	if [ -n "${el[$k/vsoc]-}" ] && [ "${el[$k/vsoc]}" = "${el[$k/visl]-}" ]; then
		t_fail "element/$k" "vsoc-vdec and visl both resolved to ${el[$k/vsoc]}"
		unset "el[$k/vsoc]" "el[$k/visl]"
	fi
	for c in $cases; do
		run "$k" "$c" 0
	done
	for ((i = 0; i < RUNS; i++)); do
		for c in $cases; do
			run "$k" "$c" 1
		done
	done
	for c in $cases; do
		[ -n "${failed[$k/$c]-}" ] || t_pass "run/$k/$c"
	done
	rm -f "/tmp/bench.${ext[$k]}"
done
cat "$out"
t_done
