#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board: stress and fuzz vsoc-vdec's Request API with vdec-fuzz
# (tests/vdec/vdec-fuzz.c, cross-built by tests/vdec/build-tools.sh; the
# group copies it to /run/data/vdec-fuzz). For FWHT, MPEG-2, VP8 and
# H.264 each (VP8, H.264: fuzz, model counters and contexts; VP8's
# controls are random around the frame tags of the smallest
# /run/data/streams/*.ivf, H.264's payloads windows of the smallest
# *.h264 with random valid-looking controls of its size):
#  - fuzz: VDEC_FUZZ_N (1000) requests with random or mutated payloads
#    (seeded by the smallest /run/data/streams/*.m2v, /run/data/fwht.hdr,
#    when present) and random valid controls: every request completes,
#    DONE or ERROR, none hangs; a reference that matches no CAPTURE
#    buffer ends in ERROR;
#  - invalid: bad controls and malformed requests are refused before
#    they run, and the queue still decodes afterwards;
#  - contexts: 4 file handles with their own formats, interleaved; then
#    8 with both codecs at a time, closed now and then while their
#    request runs (churn);
#  - the model's counters account for the fuzzing: a job per DONE
#    picture at least, errors when pictures failed, and an interrupt of
#    the driver's per model job;
#  - decode: afterwards the sample still decodes, every frame DONE.
# Each PASS/FAIL line of the tool is one result. VDEC_FUZZ_DRIVER=visl
# runs the same against visl (no counters, no strict reference check);
# VDEC_FUZZ_SEED makes a run reproducible (the seed is printed).
. /vsoc/tests/lib.sh

tool=/run/data/vdec-fuzz
drv=${VDEC_FUZZ_DRIVER:-vsoc-vdec}
n=${VDEC_FUZZ_N:-1000}
seed=${VDEC_FUZZ_SEED:-$(date +%s)}
echo "vdec-fuzz.sh: driver $drv, $n requests, seed $seed"

if [ ! -x "$tool" ]; then
	t_fail tool "no $tool (tests/vdec/build-tools.sh builds it)"
	t_done
	exit 0
fi
[ "$drv" = visl ] && modprobe visl
strict=
[ "$drv" = vsoc-vdec ] && strict=-S

# fuzz MODE SUFFIX TOOL-ARGS...: run the tool in MODE for $codec; each
# of its PASS/FAIL lines is a result (SUFFIX appended to its name), its
# other lines are shown. A tool that fails without saying why fails too.
# Its summary's DONE and ERROR counts are left in $done and $error.
fuzz() {
	local mode=$1 sfx=$2 log=/tmp/vdec-fuzz.log st res name rest results=0 fails=0
	shift 2
	"$tool" -D "$drv" -s "$seed" -c "$codec" "$@" "$mode" >"$log" 2>&1
	st=$?
	done=$(sed -nE 's/^vdec-fuzz: [0-9]+ requests, ([0-9]+) done, .*/\1/p' "$log" | tail -n 1)
	error=$(sed -nE 's/^vdec-fuzz: [0-9]+ requests, [0-9]+ done, ([0-9]+) error.*/\1/p' "$log" |
		tail -n 1)
	done=${done:-0}
	error=${error:-0}
	while read -r res name rest; do
		case $res in
		PASS)
			t_pass "${name%:}$sfx"
			results=$((results + 1)) ;;
		FAIL)
			t_fail "${name%:}$sfx" "$rest"
			results=$((results + 1))
			fails=$((fails + 1)) ;;
		*) echo "    | $res $name $rest" ;;
		esac
	done <"$log"
	if [ "$results" -eq 0 ] || { [ "$st" -ne 0 ] && [ "$fails" -eq 0 ]; }; then
		t_fail "$codec-$mode$sfx" "vdec-fuzz exited with status $st and $results results"
	elif [ "$st" -eq 0 ] && [ "$fails" -ne 0 ]; then
		t_fail "$codec-status$sfx" "vdec-fuzz reported failures but exited 0"
	fi
}

# The model's counters and the driver's interrupts.
dbg=$(ls -d /sys/kernel/debug/vsoc-sim/*/video-codec@1000 2>/dev/null | head -n 1)
counter() { cat "$dbg/$1" 2>/dev/null || echo 0; }
irqs() {
	awk '/video-codec/ { for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s += $i }
		END { print s + 0 }' /proc/interrupts
}
if [ "$drv" = vsoc-vdec ] && [ -z "$dbg" ]; then
	t_fail model-debugfs "no /sys/kernel/debug/vsoc-sim/*/video-codec@1000"
fi

m2v=$(ls -Sr /run/data/streams/*.m2v 2>/dev/null | head -n 1)
ivf=$(ls -Sr /run/data/streams/*.ivf 2>/dev/null | head -n 1)
h264=$(ls -Sr /run/data/streams/*.h264 2>/dev/null | head -n 1)
for codec in fwht mpeg2 vp8 h264; do
	case $codec in
	fwht) sample=/run/data/fwht.hdr ;;
	mpeg2) sample=$m2v ;;
	vp8) sample=$ivf ;;
	h264) sample=$h264 ;;
	esac
	seedarg=()
	if [ -n "$sample" ] && [ -s "$sample" ]; then
		seedarg=(-i "$sample")
		# An H.264 sample is not parsed: its size is in its name.
		size=$(basename "$sample" | sed -nE 's/.*-([0-9]+x[0-9]+)\.h264$/\1/p')
		[ "$codec" != h264 ] || [ -z "$size" ] || seedarg+=(-w "$size")
		echo "vdec-fuzz.sh: $codec payloads seeded by $sample"
	else
		sample=
	fi

	jobs0=$(counter jobs)
	errs0=$(counter errors)
	irq0=$(irqs)
	fuzz fuzz "" -n "$n" $strict "${seedarg[@]}"
	if [ "$drv" = vsoc-vdec ]; then
		jobs1=$(counter jobs)
		errs1=$(counter errors)
		irq1=$(irqs)
		jobs=$((jobs1 - jobs0))
		errs=$((errs1 - errs0))
		irq=$((irq1 - irq0))
		echo "vdec-fuzz.sh: $done DONE, $error ERROR pictures; model jobs +$jobs, errors +$errs; interrupts +$irq"
		# A DONE picture is a job that succeeded (two for a field pair).
		t_check "$codec-model-jobs" test "$jobs" -ge "$done"
		# Fuzzed pictures fail in the block, not only in the driver.
		if [ "$error" -gt 0 ]; then
			t_check "$codec-model-errors" test "$errs" -gt 0
		fi
		# Every job the block ran ended in an interrupt.
		t_check "$codec-driver-irqs" test "$irq" -ge $((jobs + errs)) -a "$irq" -gt 0
	fi
	if [ "$codec" = vp8 ] || [ "$codec" = h264 ]; then
		# No header parsers in the tool: no invalid or decode modes.
		fuzz contexts "" -n $((n / 10)) -k 4 "${seedarg[@]}"
		continue
	fi
	fuzz invalid ""
	fuzz contexts "" -n $((n / 10)) -k 4
	if [ -n "$sample" ]; then
		fuzz decode "/$(basename "$sample")" -i "$sample"
	else
		# tests/groups/vdec.sh always provides both samples.
		t_fail "$codec-decode" "no sample stream in /run/data"
	fi
done
codec=both
fuzz contexts "" -n $((n / 10)) -k 8 -x
t_done
