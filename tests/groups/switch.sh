#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vsoc-switch, the switchdev Ethernet switch, and its model, on two boards
# side by side:
#  - the kernel's own forwarding selftests from the test kernel's source
#    (tests/switch/stage-selftests.sh, tests/guest/switch-selftests.sh):
#    bridge_vlan_aware, bridge_vlan_unaware, no_forwarding,
#    local_termination, bridge_igmp on the ports swp0/swp1 and the model's
#    link partners lp0/lp1, ethtool_rmon on the loopback cable
#    swp4 <-> swp5; each subtest ("TEST: ...") one result;
#  - our own checks (tests/guest/switch-main.sh): two namespaces through
#    a bridged pair forwarded by the ASIC (port counters up, CPU queues
#    flat), learned entries offloaded and aged out, standalone ports as
#    NICs, devlink, bad input and a full FDB; then the faults
#    (tests/guest/switch-faults.sh): unbind/rebind and module unload
#    under iperf3 traffic, a link flap storm under traffic.
# VSOC_SWITCH_VETH=1 also runs the selftests over veth pairs and the
# software bridge (the baseline; results named veth-SCRIPT/...).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/board/common.sh"
. "$top/tests/lib.sh"

"$top/tests/board/deps.sh" board || { t_fail deps "cannot install tools"; exit 0; }
work=$(mktemp -d "${TMPDIR:-/tmp}/vsoc-switch.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$top/tests/board/modules.sh" >/dev/null || { t_fail modules "cannot build the modules"; exit 0; }
# Two boards side by side, about even in time (TCG, debug kernel): one
# runs our own checks then the shorter selftests, the other the two long
# selftests (no_forwarding.sh sends ~200 probes per test on 15 VLANs
# and checks each; local_termination.sh eight topologies).
mkdir -p "$work/a" "$work/b" "$work/veth"
if ! "$top/tests/switch/stage-selftests.sh" "$work/a" ||
   ! "$top/tests/switch/stage-selftests.sh" "$work/b" ||
   ! "$top/tests/switch/stage-selftests.sh" "$work/veth"; then
	t_fail selftests-staged "cannot stage the kernel's selftests"
	exit 0
fi
echo "SW_TESTS='bridge_vlan_aware bridge_vlan_unaware bridge_igmp ethtool_rmon no_forwarding:one_bridge_two_pvids'" >"$work/a/env"
echo "SW_TESTS='no_forwarding:standalone+two_bridges local_termination'" >"$work/b/env"
echo SW_MODE=veth >"$work/veth/env"
# The selftests are thousands of short commands, each a fork and exec on
# TCG with a debug kernel: give the boards room (a hung board still ends).
export VSOC_VM_TIMEOUT=${VSOC_VM_TIMEOUT:-2400}
(
	"$top/tests/board/run-guest.sh" -s "$work/b" tests/guest/switch-selftests.sh
) >"$work/b.log" 2>&1 &
(
	"$top/tests/board/run-guest.sh" tests/guest/switch-main.sh
	"$top/tests/board/run-guest.sh" tests/guest/switch-faults.sh
	"$top/tests/board/run-guest.sh" -s "$work/a" tests/guest/switch-selftests.sh
	if [ "${VSOC_SWITCH_VETH:-0}" = 1 ]; then
		"$top/tests/board/run-guest.sh" -s "$work/veth" tests/guest/switch-selftests.sh
	fi
) >"$work/a.log" 2>&1
wait
cat "$work/a.log" "$work/b.log"
