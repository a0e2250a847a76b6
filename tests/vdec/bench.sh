#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The vsoc-vdec benchmark (make bench-vdec), on the 720p stream of each
# codec (bench-1280x720.{m2v,h264,ivf}: 60 frames of MPEG-2, H.264 High
# with CABAC and B-frames, VP8; made by tests/vdec/*-streams.sh);
# VSOC_BENCH_CODECS (default "mpeg2 h264 vp8") picks codecs:
#
#  - on the board (tests/guest/vdec-bench.sh), wall clock of GStreamer
#    pipelines, median of VSOC_BENCH_RUNS runs (default 7): parsing
#    alone, vsoc-vdec (GStreamer -> driver -> model), vsoc-vdec with the
#    model's null_decode (no pixel work: the driver's per-frame overhead)
#    and the kernel's visl on the same board in the same run, interleaved;
#  - on the host, the decode core (tests/vdec-core/bench-CODEC.c) against
#    "ffmpeg -threads 1", CPU time of VSOC_BENCH_PASSES decodes of the
#    stream (default 30 MPEG-2, 10 H.264 and VP8: ffmpeg's start-up,
#    about 0.06 s of CPU, is in its time), median of 3 runs.
#
# Prints a table per codec and one "ratio NAME VALUE range MIN-MAX" line
# per ratio, VALUE the median of the ratios of runs made side by side:
#   ratio CODEC/vsoc-null/visl    driver overhead against visl (aim <= 1.0)
#   ratio CODEC/vdec-core/ffmpeg  decode core against ffmpeg -threads 1
# and "fps CODEC/vsoc-vdec N", the full stack's frames per second on the
# board.
# Speed is never asserted: the status is 0 unless something could not
# run (the board, a pipeline, a build), which is printed.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/board/common.sh"
. "$top/tests/lib.sh"

runs=${VSOC_BENCH_RUNS:-7}
codecs=${VSOC_BENCH_CODECS:-mpeg2 h264 vp8}
declare -A ext=([mpeg2]=m2v [h264]=h264 [vp8]=ivf)
declare -A name=([mpeg2]=MPEG-2 [h264]="H.264 High" [vp8]=VP8)
# Host decodes per timing: ffmpeg's start-up (~0.06 s of CPU) is in its
# time, so more passes of the faster-to-decode streams.
declare -A passes=([mpeg2]=30 [h264]=10 [vp8]=10)
[ -n "${VSOC_BENCH_PASSES-}" ] && for k in "${!passes[@]}"; do passes[$k]=$VSOC_BENCH_PASSES; done
declare -A dir stream frames size
bad=0
oops() { echo "bench-vdec: $*" >&2; bad=1; }

"$top/tests/board/deps.sh" board vdec || { echo "bench-vdec: cannot install tools" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/vsoc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The streams, cached as tests/groups/vdec.sh does (same keys).
key=$( { ffmpeg -version | head -n 1; dpkg-query -W mjpegtools; } |
	vsoc_key "$top/tests/vdec/mpeg2-streams.sh")
dir[mpeg2]=$( (vsoc_cached "$VSOC_CACHE/vdec-streams/$key" "$top/tests/vdec/mpeg2-streams.sh") ) ||
	{ echo "bench-vdec: cannot make the MPEG-2 test streams" >&2; exit 1; }
key=$(ffmpeg -version | head -n 1 | vsoc_key "$top/tests/vdec/h264-streams.sh" "$top/tests/vdec/h264-rewrite.py")
dir[h264]=$( (vsoc_cached "$VSOC_CACHE/vdec-streams/h264-$key" "$top/tests/vdec/h264-streams.sh") ) ||
	{ echo "bench-vdec: cannot make the H.264 test streams" >&2; exit 1; }
key=$(ffmpeg -version | head -n 1 | vsoc_key "$top/tests/vdec/vp8-streams.sh")
dir[vp8]=$( (vsoc_cached "$VSOC_CACHE/vdec-streams/vp8-$key" "$top/tests/vdec/vp8-streams.sh") ) ||
	{ echo "bench-vdec: cannot make the VP8 test streams" >&2; exit 1; }
for k in $codecs; do
	stream[$k]=${dir[$k]}/bench-1280x720.${ext[$k]}
	[ -r "${stream[$k]}" ] || { echo "bench-vdec: no ${stream[$k]}" >&2; exit 1; }
	# Frames and size from ffprobe (the MPEG-2 script also writes them).
	read -r w h n < <(ffprobe -v error -count_frames -select_streams v:0 \
		-show_entries stream=width,height,nb_read_frames -of csv=p=0 "${stream[$k]}" |
		tr ',' ' ')
	frames[$k]=$n size[$k]=${w}x$h
done

# spread NAME: the "ratio NAME MEDIAN range MIN-MAX" line of the ratios
# on standard input (MEDIAN "-" if none)
spread() {
	sort -g | awk -v n="$1" '{ v[NR] = $1 } END {
		if (!NR) { print "ratio " n " -"; exit }
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "ratio %s %.2f range %.2f-%.2f\n", n, m, v[1], v[NR] }'
}
# median: of the numbers on standard input ("-" if none)
median() {
	sort -g | awk '{ v[NR] = $1 } END {
		if (!NR) { print "-"; exit }
		printf "%.3f\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# div A B: A / B to 2 decimals, "-" unless both are numbers
div() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b == 0) print "-"
		else printf "%.2f\n", a / b }'
}

# --- on the board ---
data=$work/data
mkdir -p "$data"
{
	printf 'RUNS=%d\nCODECS="%s"\n' "$runs" "$codecs"
	for k in $codecs; do
		cp "${stream[$k]}" "$data/bench-$k.${ext[$k]}"
		printf 'FRAMES_%s=%d\n' "$k" "${frames[$k]}"
	done
} >"$data/bench.env"
export VSOC_RESULTS=$work/results VSOC_GROUP=bench-vdec
: >"$VSOC_RESULTS"
nice "$top/tests/board/run-guest.sh" -s "$data" tests/guest/vdec-bench.sh
grep -q '^FAIL ' "$VSOC_RESULTS" && oops "the board run failed (FAIL lines above)"
touch "$data/bench.txt"
declare -A med null_visl
for k in $codecs; do
	for c in parse vsoc vsoc-null visl; do
		med[$k/$c]=$(awk -v k="$k" -v c="$c" '$1 == k && $2 == c { print $3 }' \
			"$data/bench.txt" | median)
		[ "${med[$k/$c]}" != - ] || oops "no timing for $k $c on the board"
	done
	# The ratio pairs the runs of one round (side by side), then the median.
	null_visl[$k]=$(awk -v k="$k" '$1 != k { next }
		$2 == "vsoc-null" { n[++i] = $3 } $2 == "visl" { v[++j] = $3 }
		END { for (x = 1; x <= i && x <= j; x++) if (v[x] > 0) print n[x] / v[x] }' \
		"$data/bench.txt" | spread "$k/vsoc-null/visl")
done

# --- on the host ---
declare -A core_ff core_s ff_s
core=$VSOC_CACHE/obj/vdec-bench
for k in $codecs; do
	b=bench-$k
	: >"$work/core-$k.log"
	if nice make -s -C "$top/tests/vdec-core" O="$core" "$core/bench/$b" >"$work/build.log" 2>&1; then
		for _ in 1 2 3; do
			nice "$core/bench/$b" "${stream[$k]}" "${passes[$k]}" >>"$work/core-$k.log" 2>&1 ||
				{ oops "$b failed:"; sed 's/^/    | /' "$work/core-$k.log"; break; }
		done
	else
		sed 's/^/    | /' "$work/build.log"
		oops "cannot build $b"
	fi
	core_ff[$k]=$(sed -n 's/.*ratio vdec-core\/ffmpeg \([0-9.]*\)$/\1/p' "$work/core-$k.log" |
		spread "$k/vdec-core/ffmpeg")
	core_s[$k]=$(sed -n 's/.*vdec-core[a-z0-9 ]*: [0-9]* frames in \([0-9.]*\) s.*/\1/p' \
		"$work/core-$k.log" | median)
	ff_s[$k]=$(sed -n 's/.*ffmpeg -threads 1: \([0-9.]*\) s.*/\1/p' "$work/core-$k.log" | median)
	[ "${core_s[$k]}" != - ] || oops "no timing from $b"
	[ "${ff_s[$k]}" != - ] || oops "no ffmpeg timing from $b (no ffmpeg?)"
done

# --- report ---
# row WHERE WHAT SECONDS FRAMES [BASE]: BASE, the parse-only time, gives
# the milliseconds per frame spent beyond parsing
row() {
	printf '%-6s %-36s %8s %9s %15s\n' "$1" "$2" "$3" "$(div "$4" "$3")" \
		"$(awk -v t="$3" -v b="${5-}" -v n="$4" 'BEGIN {
			if (t !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/) print ""
			else printf "%.1f\n", (t - b) * 1000 / n }')"
}
for k in $codecs; do
	f=${frames[$k]}
	hf=$((f * passes[$k]))
	echo
	echo "bench-vdec: ${size[$k]} ${name[$k]}, $f frames; board: wall clock of" \
		"gst-launch-1.0, median of $runs runs; host: CPU time of ${passes[$k]}" \
		"decodes, median of 3"
	printf '%-6s %-36s %8s %9s %15s\n' where what seconds frames/s "ms/frame-parse"
	row board "parse only" "${med[$k/parse]}" "$f"
	row board "vsoc-vdec (GStreamer+driver+model)" "${med[$k/vsoc]}" "$f" "${med[$k/parse]}"
	row board "vsoc-vdec, null_decode" "${med[$k/vsoc-null]}" "$f" "${med[$k/parse]}"
	row board "visl" "${med[$k/visl]}" "$f" "${med[$k/parse]}"
	row host "vdec-core" "${core_s[$k]}" "$hf"
	row host "ffmpeg -threads 1" "${ff_s[$k]}" "$hf"
	echo "${null_visl[$k]}"
	echo "${core_ff[$k]}"
	echo "fps $k/vsoc-vdec $(div "$f" "${med[$k/vsoc]}")"
done
exit $bad
