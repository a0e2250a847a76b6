#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On a board with both PHY/SFP overlays (tests/board/run-guest.sh
# -d tests/switch/phy-ports.dtso -d tests/switch/sfp-cages.dtso ...): the
# SFP cages and the PHY ports under iperf3 traffic when things go wrong
# fast. After each storm the link state ends correct (carrier, ethtool's
# speed and link, the sfp driver's state in debugfs), traffic flows again
# (ping), and run-guest.sh finds no splat in the log.
#  - hot-plug loop: every module type (optical, copper, 2.5G) inserted and
#    taken out at once in cage 0 (swp8, iperf3 through it) and cage 1
#    (swp9) side by side; the copper module's PHY driver (vsoc-phy)
#    unloaded first: phylib loads it again by the PHY's ID;
#  - a LOS storm and a TX_FAULT storm (fewer faults than the sfp driver's
#    retries: it recovers), then a TX_FAULT held until the driver gives up
#    ("persistently indicates fault"): the port stays down, a new module
#    brings it back;
#  - a link flap storm (the model's port<N>/flap) on the copper PHY port
#    (swp6), the 10G PHY port (swp7) and the SFP port (swp8, its LOS pin
#    follows) under iperf3 through swp7 and swp8.
. /vsoc/tests/lib.sh
. /vsoc/tests/guest/switch-lib.sh

sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1

# Each port, its partner's namespace and the partner's address (/24; the
# port has .2 of the same net).
declare -A NS=([swp6]=h6 [swp7]=h7 [swp8]=h8 [swp9]=h9)
declare -A LP=([swp6]=lp6 [swp7]=lp7 [swp8]=lp8 [swp9]=lp9)
declare -A IP=([swp6]=198.51.100.1 [swp7]=203.0.113.1 [swp8]=192.0.2.1 [swp9]=10.9.0.1)
# Every module type the model has that links, and the speed of each.
declare -A SPEED=([1000base-sx]=1000 [1000base-lx]=1000 [1000base-t]=1000
		  [10gbase-sr]=10000 [10gbase-lr]=10000 [2500base-x]=2500)
TYPES="1000base-sx 1000base-t 10gbase-sr 2500base-x 1000base-lx 10gbase-lr"
COPPER_DRV="vsoc SFP 1000BASE-T"

if ! wait_for 30 '[ -e /sys/class/net/swp6 ] && [ -e /sys/class/net/swp9 ] && [ -e /sys/class/net/lp6 ] && [ -e /sys/class/net/lp9 ]' ||
   ! wait_for 30 '[ -e /sys/kernel/debug/sfp-0/state ] && [ -e /sys/kernel/debug/sfp-1/state ]'; then
	t_fail netdevs "no swp6-swp9/lp6-lp9 or no cages: board without both overlays?"
	ip -br link
	t_done
	exit 0
fi
t_pass netdevs
M=$(sw_model)

# sfp_mod N TYPE|none, sfp_set N KNOB VAL: the model's cage N.
sfp_mod() { echo "$2" >"$M/sfp$1/module"; }
sfp_set() { echo "$3" >"$M/sfp$1/$2"; }
# The sfp driver's view of cage N (debugfs of device sfp-N).
sfp_file() { echo "/sys/kernel/debug/sfp-$1/state"; }
sfp_state() { cat "$(sfp_file "$1")" 2>/dev/null; }
sfp_main() { sfp_state "$1" | sed -n 's/^Main state: //p'; }
phy_drv() { basename "$(readlink "/sys/class/net/$1/phydev/driver")" 2>/dev/null; }
# ethtool's view of a port in one call: "SPEED LINK", e.g. "1000 yes".
eth_state() {
	ethtool "$1" 2>/dev/null | sed -n -e 's/^[[:space:]]*Speed: \([0-9]*\)Mb\/s/\1/p' \
		-e 's/^[[:space:]]*Link detected: //p' | paste -sd' '
}
# link_is PORT SPEED: carrier, operstate up, ethtool SPEED and link.
link_is() {
	[ "$(cat "/sys/class/net/$1/carrier" 2>/dev/null)" = 1 ] && sw_link_up "$1" &&
	[ "$(eth_state "$1")" = "$2 yes" ]
}
# No carrier, and ethtool's link flag off (its speed may still be the
# PCS's last word: phylink shows the PCS state of a link that is down).
link_gone() {
	[ "$(cat "/sys/class/net/$1/carrier" 2>/dev/null)" = 0 ] && ! sw_link_up "$1" &&
	ethtool "$1" | grep -q 'Link detected: no'
}
show() {
	ethtool "$1" 2>&1 | grep -E 'Speed|Duplex|Link detected'
	[ -n "$2" ] && { sfp_state "$2"; cat "$M/sfp$2/module"; }
	dmesg | grep -iE "sfp|$1" | tail -n 8
}
pings() { ping -c 2 -W 2 "${IP[$1]}" >/dev/null; }
# after NAME PORT SPEED [CAGE]: the assertions after a storm.
after() {
	t_check "$1-$2-link" wait_for 15 "link_is $2 $3" || show "$2" "$4"
	t_check "$1-$2-partner" wait_for 5 "sw_ns_link_up ${NS[$2]} ${LP[$2]}"
	if [ -n "$4" ]; then
		t_eq "$1-$2-sfp-state" "$(sfp_main "$4")" link_up
		t_check "$1-$2-sfp-pins" sh -c "grep -q 'rx_los: 0' $(sfp_file "$4") &&
			grep -q 'tx_fault: 0' $(sfp_file "$4")"
	fi
	t_check "$1-$2-ping" pings "$2"
}

# iperf3 for SECONDS from here to the partner of each PORT given; each
# client under timeout (a module pulled mid-run may leave it waiting on
# its control connection); traffic_end waits and stops the servers.
traffic() {
	local t=$1 p n=0
	shift
	for p in "$@"; do
		n=$((n + 1))
		ip netns exec "${NS[$p]}" iperf3 -s -D -1 -p $((5200 + n)) -I "/tmp/iperf-s$n.pid"
	done
	sleep 1
	n=0
	for p in "$@"; do
		n=$((n + 1))
		timeout -k 5 $((t + 20)) iperf3 -c "${IP[$p]}" -t "$t" -p $((5200 + n)) \
			--connect-timeout 3000 >"/tmp/iperf-c$n.log" 2>&1 &
	done
	sleep 1
}
traffic_end() {
	local f
	wait
	for f in /tmp/iperf-s*.pid; do
		[ -s "$f" ] && kill "$(cat "$f")" 2>/dev/null
		rm -f "$f"
	done
	return 0
}

for p in swp6 swp7 swp8 swp9; do
	sw_host "${NS[$p]}" "${LP[$p]}" "${IP[$p]}"
	ip addr add "${IP[$p]%.1}.2/24" dev "$p"
	ip link set "$p" up
done
sfp_mod 0 1000base-sx
t_check setup-sfp-link wait_for 15 'link_is swp8 1000' || show swp8 0
t_check setup-phy-links wait_for 20 'link_is swp6 1000 && link_is swp7 10000'

# --- hot-plug loop under traffic ---
section 'hot-plug loop under traffic'
# No copper module is in: vsoc-phy is unused and goes; inserting one
# must bring it back through the PHY ID's module alias.
t_check phy-driver-unload modprobe -r vsoc-phy
traffic 20 swp8
# Cage 1 goes through the types the other way round, at the same time.
# Each loop counts when the model took both the insertion and the removal.
(
	bad=0
	for r in 1 2 3; do
		for t in $(echo "$TYPES" | tr ' ' '\n' | tac); do
			sfp_mod 1 "$t" || bad=1
			sleep 0.$((r * 2))
			sfp_mod 1 none || bad=1
		done
	done
	exit $bad
) &
cage1=$!
loops=0
for r in 0 1 2 3; do
	for t in $TYPES; do
		sfp_mod 0 "$t" || continue
		# Out at once, while probing (0.0 s), and later (up to 1.5 s).
		sleep "$((r / 2)).$((r % 2 * 5))"
		sfp_mod 0 none && loops=$((loops + 1))
	done
done
wait $cage1
cage1_ok=$?
t_check hotplug-loops test "$loops" -eq 24 -a "$cage1_ok" -eq 0
sfp_mod 1 10gbase-sr
# Then each type in and out, its link up and gone each time.
for t in $TYPES; do
	sfp_mod 0 "$t"
	t_check "hotplug-$t-link" wait_for 15 "link_is swp8 ${SPEED[$t]}" || show swp8 0
	sfp_mod 0 none
	t_check "hotplug-$t-gone" wait_for 5 'link_gone swp8'
done
traffic_end
t_check hotplug-phy-driver-autoloaded sh -c 'grep -q "^vsoc_phy " /proc/modules'
sfp_mod 0 1000base-t
t_check hotplug-copper-link wait_for 15 "link_is swp8 1000 && [ \"\$(phy_drv swp8)\" = \"$COPPER_DRV\" ]" ||
	{ show swp8 0; phy_drv swp8; }
after hotplug swp8 1000 0
after hotplug swp9 10000 1

# --- LOS and TX_FAULT storms under traffic ---
section 'LOS and TX_FAULT storms under traffic'
sfp_mod 0 none
t_check storm-empty wait_for 5 "sfp_state 0 | grep -q 'Module state: empty'"
sfp_mod 0 1000base-sx
t_check storm-setup wait_for 15 'link_is swp8 1000'
traffic 15 swp8
for _ in $(seq 20); do
	sfp_set 0 los_force 1
	sleep 0.1
	sfp_set 0 los_force 0
	sleep 0.1
done
after los swp8 1000 0
# Three short faults: the sfp driver has five recovery attempts per
# module (N_FAULT_INIT, drivers/net/phy/sfp.c) and recovers from each.
for _ in 1 2 3; do
	sfp_set 0 tx_fault 1
	sleep 0.2
	sfp_set 0 tx_fault 0
	sleep 0.3
done
after tx-fault swp8 1000 0
traffic_end
# A fault that stays: the retries run out, the driver disables the
# module and the port stays down even once the fault is gone.
sfp_set 0 tx_fault 1
t_check tx-fault-held-disabled wait_for 20 '[ "$(sfp_main 0)" = tx_disable ]' || sfp_state 0
t_check tx-fault-held-message sh -c "dmesg | grep -q 'sfp sfp-0: module persistently indicates fault, disabling'"
sfp_set 0 tx_fault 0
sleep 2
t_eq tx-fault-held-stays "$(sfp_main 0)" tx_disable
t_check tx-fault-held-no-link link_gone swp8 || show swp8 0
# A module inserted anew starts with its retries again.
sfp_mod 0 none
t_check tx-fault-reinsert-empty wait_for 5 "sfp_state 0 | grep -q 'Module state: empty'"
sfp_mod 0 1000base-sx
after tx-fault-reinsert swp8 1000 0

# --- link flap storm on the PHY ports and the SFP port under traffic ---
section 'link flap storm under traffic'
traffic 12 swp7 swp8
for p in 6 7 8; do
	t_check "flap-knob-$p" sh -c "echo 60 >'$M/port$p/flap'"
done
sleep 4
traffic_end
after flap swp6 1000
after flap swp7 10000
after flap swp8 1000 0
t_check flap-swp6-duplex sh -c "ethtool swp6 | grep -q 'Duplex: Full'"
t_check flap-swp9-unaffected sw_link_up swp9

sfp_mod 0 none
sfp_mod 1 none
for p in swp6 swp7 swp8 swp9; do
	sw_host_del "${NS[$p]}" "${LP[$p]}"
	ip addr flush dev "$p"
	ip link set "$p" down
done
t_done
