#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run a guest test script on a freshly booted board and fold its results
# (written by tests/lib.sh in the guest) into the host's $VSOC_RESULTS.
# Usage: run-guest.sh [-d FILE.dtso]... [-x NODE:PROP]... [-m DIR] [-s DIR] [-a ARG]...
#        tests/guest/SCRIPT.sh
# (options as tests/board/vm.sh's).
#
# Besides the script's own results, each run is three tests:
#   SCRIPT-board       the board started, every project module loaded at
#                      boot, and the board finished (vm.sh's end marker)
#   SCRIPT-kernel-log  no splat (tests/board/splat.sh); only when the
#                      board finished
#   SCRIPT-end         the script exited 0 after writing its end marker
#                      (t_done, its last line): a script that died or
#                      returned early fails, its results stay visible
set -uo pipefail
. "$(dirname "$0")/common.sh"
. "$VSOC_TOP/tests/lib.sh"

vmopts=()
while getopts a:d:m:s:x: opt; do
	case $opt in
	a | d | m | s | x) vmopts+=("-$opt" "$OPTARG") ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
script=$1
name=$(basename "$script" .sh)
out=$(mktemp -d "${TMPDIR:-/tmp}/vsoc-run.XXXXXX")
trap 'rm -rf "$out"' EXIT

"$VSOC_TOP/tests/board/vm.sh" -o "$out" "${vmopts[@]}" -c \
	"VSOC_RESULTS=/out/results VSOC_GROUP=$VSOC_GROUP bash /vsoc/$script"
rc=$?
touch "$out/results" "$out/verdict"
grep -E '^(PASS|FAIL|SKIP) ' "$out/results" >>"$VSOC_RESULTS"
codes=$(cut -d' ' -f1 "$out/verdict" | sort -u | tr '\n' ' ')
why() { sed -n "s/^$1 //p" "$out/verdict" | paste -sd';' -; }

if [ "$rc" -eq 122 ] && [ ! -s "$out/verdict" ]; then
	t_fail "$name-board" "the board could not be set up (vm.sh status 122, see above)"
	exit 0
fi
case " $codes" in
*" 124 "*)
	t_fail "$name-board" "$(why 124)"
	exit 0 ;;
*" 123 "*) t_fail "$name-board" "$(why 123)" ;;
*)
	# With no finding, vm.sh returns the script's own status.
	if [ -z "$codes" ] && [ "$rc" != "$(cat "$out/rc" 2>/dev/null)" ]; then
		t_fail "$name-board" "vm.sh exited with status $rc, the guest script with '$(cat "$out/rc" 2>/dev/null)'"
		exit 0
	fi
	t_pass "$name-board" ;;
esac

case " $codes" in
*" 125 "*) t_fail "$name-kernel-log" "splat in the guest (see 'splat:' lines above)" ;;
*) t_pass "$name-kernel-log" ;;
esac

grst=$(cat "$out/rc")
if [ "$grst" != 0 ]; then
	t_fail "$name-end" "the guest script exited with status $grst"
elif [ "$(tail -n 1 "$out/results" | cut -d' ' -f1)" != "$VSOC_END_MARKER" ]; then
	t_fail "$name-end" "the guest script ended without its end marker (t_done)"
elif ! grep -qE '^(PASS|FAIL|SKIP) ' "$out/results"; then
	t_fail "$name-end" "the guest script reported no result"
else
	t_pass "$name-end"
fi
exit 0
