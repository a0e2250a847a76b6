#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run test groups (tests/groups/GROUP.sh) and count their results.
# Usage: check.sh GROUP...
# Ends with "N passed, N failed, N skipped"; exit status 1 on any failure.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)

VSOC_RESULTS=$(mktemp "${TMPDIR:-/tmp}/vsoc-results.XXXXXX")
export VSOC_RESULTS
trap 'rm -f "$VSOC_RESULTS"' EXIT
start=$SECONDS

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
	echo "=== $g: $(tail -n +"$((before + 1))" "$VSOC_RESULTS" | wc -l) results ($((SECONDS - start)) s so far)"
done

passed=$(grep -c '^PASS' "$VSOC_RESULTS")
failed=$(grep -c '^FAIL' "$VSOC_RESULTS")
skipped=$(grep -c '^SKIP' "$VSOC_RESULTS")
if [ "$failed" -ne 0 ]; then
	echo "Failed:"
	grep '^FAIL' "$VSOC_RESULTS" | sed 's/^/  /'
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
