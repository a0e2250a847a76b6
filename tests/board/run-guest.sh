#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run a guest test script on a freshly booted board and fold its results
# (written by tests/lib.sh in the guest) into the host's $VSOC_RESULTS.
# A guest kernel log with a splat, or a board that never finished, is a
# failed test of its own. Usage: run-guest.sh tests/guest/SCRIPT.sh
set -uo pipefail
. "$(dirname "$0")/common.sh"
. "$VSOC_TOP/tests/lib.sh"

script=$1
name=$(basename "$script" .sh)
out=$(mktemp -d "${TMPDIR:-/tmp}/vsoc-run.XXXXXX")
trap 'rm -rf "$out"' EXIT

"$VSOC_TOP/tests/board/vm.sh" -o "$out" -c \
	"VSOC_RESULTS=/out/results VSOC_GROUP=$VSOC_GROUP bash /vsoc/$script"
rc=$?
[ -f "$out/results" ] && cat "$out/results" >>"$VSOC_RESULTS"
case $rc in
124) t_fail "$name-board" "board crashed or timed out" ;;
125) t_fail "$name-kernel-log" "splat in the guest kernel log" ;;
*) t_pass "$name-kernel-log" ;;
esac
if [ ! -s "$out/results" ]; then
	t_fail "$name" "the guest script reported no result (status $rc)"
fi
exit 0
