#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run test groups (tests/groups/GROUP.sh) and count their results.
# Usage: check.sh GROUP...
# Ends with "N passed, N failed, N skipped"; exit status 1 on any failure.
#
# Results are the PASS, FAIL and SKIP lines of $VSOC_RESULTS (other lines,
# such as end markers, are not counted). A group must run a test of its
# own: at least one PASS or FAIL that is not the bookkeeping of a board
# run, i.e. not named SCRIPT-board, SCRIPT-kernel-log or SCRIPT-end for a
# guest script tests/guest/SCRIPT.sh (tests/board/run-guest.sh). A group
# with none fails ("GROUP/group: ran no test"); skips are not tests.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
# Also drops variables of make's command line (common.sh).
. "$top/tests/board/common.sh"

if [ "$(id -u)" -ne 0 ]; then
	echo "check.sh: run as root: the tests install packages with apt, build roots with mmdebstrap and chroot, and install modules with dkms" >&2
	exit 1
fi
if [ $# -eq 0 ]; then
	echo "usage: check.sh GROUP..." >&2
	exit 2
fi

VSOC_RESULTS=$(mktemp "${TMPDIR:-/tmp}/vsoc-results.XXXXXX")
export VSOC_RESULTS
trap 'rm -f "$VSOC_RESULTS"' EXIT
start=$SECONDS

# own_tests: the PASS and FAIL lines of standard input that are a test's.
guests=$(find "$top/tests/guest" -maxdepth 1 -name '*.sh' -printf '%f\n' | sed 's/\.sh$//' | paste -sd'|' -)
own_tests() {
	grep -E '^(PASS|FAIL) ' |
		grep -vE "^[A-Z]+ [^ /]+/(${guests:-.*})-(board|kernel-log|end)(: |\$)"
}

for g in "$@"; do
	script=$top/tests/groups/$g.sh
	echo "=== $g"
	before=$(wc -l <"$VSOC_RESULTS")
	if [ ! -f "$script" ]; then
		echo "FAIL $g: no such test group" | tee -a "$VSOC_RESULTS"
		continue
	fi
	VSOC_GROUP=$g bash "$script"
	rc=$?
	if [ $rc -ne 0 ] && ! tail -n +"$((before + 1))" "$VSOC_RESULTS" | grep -q '^FAIL'; then
		echo "FAIL $g/group: exited with status $rc" | tee -a "$VSOC_RESULTS"
	fi
	# Counted, not grep -q: an early exit would fail the pipe (pipefail).
	if [ "$(tail -n +"$((before + 1))" "$VSOC_RESULTS" | own_tests | wc -l)" -eq 0 ]; then
		echo "FAIL $g/group: ran no test" | tee -a "$VSOC_RESULTS"
	fi
	echo "=== $g: $(tail -n +"$((before + 1))" "$VSOC_RESULTS" | grep -cE '^(PASS|FAIL|SKIP) ') results ($((SECONDS - start)) s so far)"
done

passed=$(grep -c '^PASS' "$VSOC_RESULTS")
failed=$(grep -c '^FAIL' "$VSOC_RESULTS")
skipped=$(grep -c '^SKIP' "$VSOC_RESULTS")
if [ "$failed" -ne 0 ]; then
	echo "Failed:"
	grep '^FAIL' "$VSOC_RESULTS" | sed 's/^/  /'
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$(own_tests <"$VSOC_RESULTS" | wc -l)" -gt 0 ]
