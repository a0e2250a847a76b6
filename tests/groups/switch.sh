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
#    under iperf3 traffic, a link flap storm under traffic;
#  - the PHY ports and SFP cages (issue 11), each on a board with
#    tests/switch/phy-ports.dtso and tests/switch/sfp-cages.dtso:
#    tests/guest/switch-phy.sh (the MDIO bus, the copper PHY port swp6,
#    the 10G PHY port swp7), tests/guest/switch-sfp.sh (every module type
#    in and out, ethtool -m, LOS, TX_FAULT, TX_DISABLE, a bad module) and
#    tests/guest/switch-sfp-stress.sh (hot-plug loops, LOS/TX_FAULT and
#    link flap storms under iperf3 traffic).
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
# runs our own checks, the PHY/SFP checks, then the shorter selftests and
# the ethtool ones, the other the two long selftests (no_forwarding.sh
# sends ~200 probes per test on 15 VLANs and checks each;
# local_termination.sh eight topologies), then the PHY/SFP stress.
mkdir -p "$work/a" "$work/b" "$work/veth"
if ! "$top/tests/switch/stage-selftests.sh" "$work/a" ||
   ! "$top/tests/switch/stage-selftests.sh" "$work/b" ||
   ! "$top/tests/switch/stage-selftests.sh" "$work/veth"; then
	t_fail selftests-staged "cannot stage the kernel's selftests"
	exit 0
fi
# bridge_igmp.sh's three IGMPv3 EXCLUDE-mode timer tests cut the bridge's
# timers to 5-10 s and check before and after they expire; on this board
# the checks alone outlast them (the software bridge over veth fails two
# of the three the same way). They run from bridge_igmp_timers_x3.sh,
# the same script with those timers and the matching sleep three times
# as long (tests/switch/stage-selftests.sh), results named so.
igmp_slow="v3exc_to_exclude_test v3exc_block_test v3exc_timeout_test"
igmp_run=$(. /dev/stdin <<<"$(grep -A3 '^ALL_TESTS=' "$work/a/selftests/net/forwarding/bridge_igmp.sh")"
	   for t in $ALL_TESTS; do [[ " $igmp_slow " == *" $t "* ]] || echo "$t"; done | paste -sd+)
echo "SW_TESTS='bridge_vlan_aware bridge_vlan_unaware bridge_igmp:$igmp_run bridge_igmp_timers_x3:${igmp_slow// /+} ethtool_rmon'" >"$work/a/env"
echo "SW_TESTS='no_forwarding local_termination'" >"$work/b/env"
# Each script's time limit on the boards (no_forwarding.sh: ~20 min).
echo "SW_TIMEOUT=1800" | tee -a "$work/a/env" >>"$work/b/env"
echo SW_MODE=veth >"$work/veth/env"
# The selftests are thousands of short commands, each a fork and exec on
# TCG with a debug kernel: give the boards room (a hung board still ends).
export VSOC_VM_TIMEOUT=${VSOC_VM_TIMEOUT:-3600}
# The PHY ports and SFP cages: a board with both overlays per script.
phy_sfp() { # SCRIPT...
	local s

	for s; do
		"$top/tests/board/run-guest.sh" -d "$top/tests/switch/phy-ports.dtso" \
			-d "$top/tests/switch/sfp-cages.dtso" "tests/guest/$s.sh"
	done
}
(
	"$top/tests/board/run-guest.sh" -s "$work/b" tests/guest/switch-selftests.sh
	phy_sfp switch-sfp-stress
) >"$work/b.log" 2>&1 &
(
	"$top/tests/board/run-guest.sh" tests/guest/switch-main.sh
	"$top/tests/board/run-guest.sh" tests/guest/switch-faults.sh
	phy_sfp switch-phy switch-sfp
	"$top/tests/board/run-guest.sh" -s "$work/a" tests/guest/switch-selftests.sh
	# ethtool.sh, ethtool_extended_state.sh: copper PHYs cabled to each
	# other and one without cable (phy-ports.dtso ports 10-12), ~6 min.
	if mkdir -p "$work/eth" && "$top/tests/switch/stage-selftests.sh" "$work/eth"; then
		echo "SW_TESTS='ethtool ethtool_extended_state'" >"$work/eth/env"
		"$top/tests/board/run-guest.sh" -d "$top/tests/switch/phy-ports.dtso" -s "$work/eth" \
			tests/guest/switch-selftests.sh
	else
		t_fail selftests-eth-staged "cannot stage the kernel's selftests"
	fi
	if [ "${VSOC_SWITCH_VETH:-0}" = 1 ]; then
		"$top/tests/board/run-guest.sh" -s "$work/veth" tests/guest/switch-selftests.sh
	fi
) >"$work/a.log" 2>&1
wait
cat "$work/a.log" "$work/b.log"
