#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The vsoc-vdec benchmark (make bench-vdec), on the 720p MPEG-2 stream
# bench-1280x720.m2v (60 frames, tests/vdec/mpeg2-streams.sh):
#
#  - on the board (tests/guest/vdec-bench.sh), wall clock of GStreamer
#    pipelines, median of VSOC_BENCH_RUNS runs (default 7): parsing
#    alone, vsoc-vdec (GStreamer -> driver -> model), vsoc-vdec with the
#    model's null_decode (no pixel work: the driver's per-frame overhead)
#    and the kernel's visl on the same board in the same run, interleaved;
#  - on the host, the decode core (tests/vdec-core/bench-mpeg2.c) against
#    "ffmpeg -threads 1", CPU time of VSOC_BENCH_PASSES decodes of the
#    stream (default 30: ffmpeg's start-up, about 0.06 s of CPU, is in its
#    time), median of 3 runs.
#
# Prints a table and one "ratio NAME VALUE range MIN-MAX" line per ratio,
# VALUE the median of the ratios of runs made side by side:
#   ratio vsoc-null/visl       driver overhead against visl (aim <= 1.0)
#   ratio vdec-core/ffmpeg     decode core against ffmpeg -threads 1
# and "fps vsoc-vdec N", the full stack's frames per second on the board.
# Speed is never asserted: the status is 0 unless something could not
# run (the board, a pipeline, a build), which is printed.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/board/common.sh"
. "$top/tests/lib.sh"

runs=${VSOC_BENCH_RUNS:-7}
passes=${VSOC_BENCH_PASSES:-30}
bad=0
oops() { echo "bench-vdec: $*" >&2; bad=1; }

"$top/tests/board/deps.sh" board vdec || { echo "bench-vdec: cannot install tools" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/vsoc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The streams, cached as tests/groups/vdec.sh does (same key).
key=$( { ffmpeg -version | head -n 1; dpkg-query -W mjpegtools; } |
	vsoc_key "$top/tests/vdec/mpeg2-streams.sh")
streams=$( (vsoc_cached "$VSOC_CACHE/vdec-streams/$key" "$top/tests/vdec/mpeg2-streams.sh") ) ||
	{ echo "bench-vdec: cannot make the MPEG-2 test streams" >&2; exit 1; }
stream=$streams/bench-1280x720.m2v
read -r w h frames <"$streams/bench-1280x720.size"

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
cp "$stream" "$data/bench.m2v"
printf 'RUNS=%d\nFRAMES=%d\n' "$runs" "$frames" >"$data/bench.env"
export VSOC_RESULTS=$work/results VSOC_GROUP=bench-vdec
: >"$VSOC_RESULTS"
nice "$top/tests/board/run-guest.sh" -s "$data" tests/guest/vdec-bench.sh
grep -q '^FAIL ' "$VSOC_RESULTS" && oops "the board run failed (FAIL lines above)"
touch "$data/bench.txt"
declare -A med
for c in parse vsoc vsoc-null visl; do
	med[$c]=$(awk -v c="$c" '$1 == c { print $2 }' "$data/bench.txt" | median)
	[ "${med[$c]}" != - ] || oops "no timing for $c on the board"
done
# The ratio pairs the runs of one round (side by side), then the median.
null_visl=$(awk '$1 == "vsoc-null" { n[++i] = $2 } $1 == "visl" { v[++j] = $2 }
	END { for (k = 1; k <= i && k <= j; k++) if (v[k] > 0) print n[k] / v[k] }' \
	"$data/bench.txt" | spread vsoc-null/visl)

# --- on the host ---
core=$VSOC_CACHE/obj/vdec-bench
if nice make -s -C "$top/tests/vdec-core" O="$core" "$core/bench/bench-mpeg2" >"$work/build.log" 2>&1; then
	for _ in 1 2 3; do
		nice "$core/bench/bench-mpeg2" "$stream" "$passes" >>"$work/core.log" 2>&1 ||
			{ oops "bench-mpeg2 failed:"; sed 's/^/    | /' "$work/core.log"; break; }
	done
else
	sed 's/^/    | /' "$work/build.log"
	oops "cannot build bench-mpeg2"
fi
touch "$work/core.log"
core_ff=$(sed -n 's/.*ratio vdec-core\/ffmpeg \([0-9.]*\)$/\1/p' "$work/core.log" |
	spread vdec-core/ffmpeg)
core_s=$(sed -n 's/^vdec-core: [0-9]* frames in \([0-9.]*\) s.*/\1/p' "$work/core.log" | median)
ff_s=$(sed -n 's/^ffmpeg -threads 1: \([0-9.]*\) s.*/\1/p' "$work/core.log" | median)
[ "$core_s" != - ] || oops "no timing from bench-mpeg2"
[ "$ff_s" != - ] || oops "no ffmpeg timing from bench-mpeg2 (no ffmpeg?)"

# --- report ---
hf=$((frames * passes))
echo
echo "bench-vdec: ${w}x$h MPEG-2, $frames frames; board: wall clock of gst-launch-1.0," \
	"median of $runs runs; host: CPU time of $passes decodes, median of 3"
printf '%-6s %-36s %8s %9s %15s\n' where what seconds frames/s "ms/frame-parse"
# row WHERE WHAT SECONDS FRAMES [BASE]: BASE, the parse-only time, gives
# the milliseconds per frame spent beyond parsing
row() {
	printf '%-6s %-36s %8s %9s %15s\n' "$1" "$2" "$3" "$(div "$4" "$3")" \
		"$(awk -v t="$3" -v b="${5-}" -v n="$4" 'BEGIN {
			if (t !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/) print ""
			else printf "%.1f\n", (t - b) * 1000 / n }')"
}
row board "parse only (mpegvideoparse)" "${med[parse]}" "$frames"
row board "vsoc-vdec (GStreamer+driver+model)" "${med[vsoc]}" "$frames" "${med[parse]}"
row board "vsoc-vdec, null_decode" "${med[vsoc-null]}" "$frames" "${med[parse]}"
row board "visl" "${med[visl]}" "$frames" "${med[parse]}"
row host "vdec-core" "$core_s" "$hf"
row host "ffmpeg -threads 1" "$ff_s" "$hf"
echo "$null_visl"
echo "$core_ff"
echo "fps vsoc-vdec $(div "$frames" "${med[vsoc]}")"
exit $bad
