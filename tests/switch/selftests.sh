#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run some of the kernel's forwarding selftests against vsoc-switch on one
# board (what tests/groups/switch.sh does for all of them):
#   selftests.sh [-v] [-t SECONDS] SCRIPT...
# SCRIPT is a name as tests/guest/switch-selftests.sh knows it
# (bridge_vlan_aware, no_forwarding, ethtool_rmon, ...); -v runs them over
# veth pairs and the software bridge instead (the baseline); -t is the
# time limit per script. Results go to $VSOC_RESULTS like a group's.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/board/common.sh"
. "$top/tests/lib.sh"

mode=switch
tmo=
while getopts t:v opt; do
	case $opt in
	t) tmo=$OPTARG ;;
	v) mode=veth ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || vsoc_die "usage: selftests.sh [-v] [-t SECONDS] SCRIPT..."

work=$(mktemp -d "${TMPDIR:-/tmp}/vsoc-swsel.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$top/tests/switch/stage-selftests.sh" "$work" ||
	{ t_fail selftests-staged "cannot stage the kernel's selftests"; exit 0; }
{
	echo "SW_MODE=$mode"
	echo "SW_TESTS='$*'"
	[ -z "$tmo" ] || echo "SW_TIMEOUT=$tmo"
} >"$work/env"
"$top/tests/board/run-guest.sh" -s "$work" tests/guest/switch-selftests.sh
