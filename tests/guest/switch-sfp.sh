#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On a board with tests/switch/sfp-cages.dtso laid over it
# (tests/board/run-guest.sh -d tests/switch/sfp-cages.dtso ...): the
# switch's SFP cages, run by the kernel's sfp driver and phylink.
#  - swp8 (cage sfp0) against lp8, per module type: insertion -> link at
#    the module's speed, traffic, ethtool -m decodes the module (and its
#    diagnostics where it has A2h); the copper module through its PHY at
#    I2C 0x56; removal -> link down at once;
#  - LOS (the partner's side dark, the partner down), TX_FAULT (the sfp
#    state machine's state, recovery), TX_DISABLE (the port down: the
#    partner loses light);
#  - swp9 (cage sfp1): a module inserted while the port is down; the
#    module with a bad base checksum refused with the kernel's message;
#  - the driver unbound and bound again with modules in.
. /vsoc/tests/lib.sh
. /vsoc/tests/guest/switch-lib.sh

sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1

# sfp_mod N TYPE|none: insert a module into cage N, or take it out.
sfp_mod() { echo "$2" >"$(sw_model)/sfp$1/module"; }
# sfp_set N FILE VAL: one of the cage's debugfs knobs.
sfp_set() { echo "$3" >"$(sw_model)/sfp$1/$2"; }
sfp_model() { cat "$(sw_model)/sfp$1/module" 2>/dev/null; }
# The sfp driver's debugfs state of cage N (device sfp-N).
sfp_state() { cat "/sys/kernel/debug/sfp-$1/state" 2>/dev/null; }
sfp_main() { sfp_state "$1" | sed -n 's/^Main state: //p'; }
# sfp_has N PATTERN: the state of cage N has a line matching PATTERN.
sfp_has() { sfp_state "$1" | grep -q "$2"; }
# model_has N PATTERN: the model's view of cage N has such a line.
model_has() { sfp_model "$1" | grep -q "$2"; }
link_down() { ! sw_link_up "$1"; }
speed_is() { ethtool "$1" 2>/dev/null | grep -q "Speed: $2Mb/s"; }
phy_drv() { basename "$(readlink "/sys/class/net/$1/phydev/driver")" 2>/dev/null; }
show() {
	ethtool "$1" 2>&1 | grep -E 'Speed|Duplex|Port|Link detected'
	sfp_state "$2"
	sfp_model "$2"
	dmesg | grep -iE 'sfp|swp8|swp9' | tail -n 10
}

sfp_reset() {
	sfp_mod 0 none
	sfp_mod 1 none
	sw_host_del h8 lp8
	sw_host_del h9 lp9
	ip addr flush dev swp8 2>/dev/null
	ip addr flush dev swp9 2>/dev/null
	ip link set swp8 down 2>/dev/null
	ip link set swp9 down 2>/dev/null
	return 0
}

if ! wait_for 30 '[ -e /sys/class/net/swp8 ] && [ -e /sys/class/net/swp9 ] && [ -e /sys/class/net/lp8 ] && [ -e /sys/class/net/lp9 ]' ||
   ! wait_for 30 '[ -e "$(sw_model)/sfp0/module" ] && [ -e "$(sw_model)/sfp1/module" ] && [ -e /sys/kernel/debug/sfp-0/state ] && [ -e /sys/kernel/debug/sfp-1/state ]'; then
	t_fail netdevs "no swp8/swp9/lp8/lp9 or no cages: board without tests/switch/sfp-cages.dtso?"
	ip -br link
	ls "$(sw_model)" /sys/kernel/debug
	dmesg | grep -iE 'switch|sfp|i2c' | tail -n 30
	t_done
	exit 0
fi
t_pass netdevs

# --- empty cages ---
section 'empty cages'
t_check empty-state sfp_has 0 'Module state: empty' ||
	sfp_state 0
t_eq empty-los "$(cat "$(sw_model)/sfp0/los")" 1
sw_host h8 lp8 192.0.2.1
ip addr add 192.0.2.2/24 dev swp8
ip link set swp8 up
sleep 1
t_check empty-no-link link_down swp8

# --- each module type in cage 0 ---
# type speed ethtool-m-pattern has-A2h (2500BASE-X has no transceiver
# code in SFF-8472: the host knows it by its nominal rate)
while read -r type speed pat a2; do
	section "module $type"
	sfp_mod 0 "$type"
	t_check "$type-link" wait_for 10 "speed_is swp8 $speed && sw_link_up swp8" ||
		show swp8 0
	t_check "$type-ping" ping -c 2 -W 2 192.0.2.1
	t_check "$type-vendor" sh -c "ethtool -m swp8 | grep -q 'Vendor name *: VSOC'"
	t_check "$type-transceiver" sh -c "ethtool -m swp8 | grep -iqE '$pat'" ||
		ethtool -m swp8 | head -n 16
	if [ "$a2" = yes ]; then
		t_check "$type-diagnostics" sh -c "ethtool -m swp8 | grep -q 'Module temperature *: 25.00 degrees C'"
	else
		t_check "$type-no-diagnostics" sh -c "! ethtool -m swp8 | grep -q 'Module temperature'"
	fi
	if [ "$type" = 1000base-t ]; then
		t_eq copper-phy-driver "$(phy_drv swp8)" "vsoc SFP 1000BASE-T"
		t_eq copper-phy-id "$(cat /sys/class/net/swp8/phydev/phy_id 2>/dev/null)" 0x76735c12
		t_check copper-port-tp sh -c "ethtool swp8 | grep -q 'Port: Twisted Pair'"
	fi
	sfp_mod 0 none
	t_check "$type-removed" wait_for 2 '! sw_link_up swp8'
	t_check "$type-removed-state" wait_for 2 "sfp_has 0 'Module state: empty'"
	t_check "$type-removed-no-eeprom" sh -c '! ethtool -m swp8 >/dev/null 2>&1'
done <<'EOF'
1000base-sx 1000 Transceiver.type.*1000BASE-SX yes
1000base-lx 1000 Transceiver.type.*1000BASE-LX yes
10gbase-sr 10000 Transceiver.type.*10G.Base-SR yes
10gbase-lr 10000 Transceiver.type.*10G.Base-LR yes
1000base-t 1000 Transceiver.type.*1000BASE-T no
2500base-x 2500 BR,?.Nominal.*:.2500MBd yes
EOF

# --- a module written over another: the model holds the cage empty in
# between (VSW_CAGE_SWAP_MS), long enough for the sfp driver to see the
# removal and read the new module's EEPROM ---
section 'swap'
module_sn() { ethtool -m swp8 2>/dev/null | sed -n 's/^[[:space:]]*Vendor SN *: *//p'; }
sfp_mod 0 1000base-sx
t_check swap-setup wait_for 10 'speed_is swp8 1000 && sw_link_up swp8'
sn=$(module_sn)
sfp_mod 0 10gbase-sr
t_check swap-to-sr-link wait_for 10 'speed_is swp8 10000 && sw_link_up swp8' ||
	show swp8 0
t_check swap-to-sr-eeprom sh -c "ethtool -m swp8 | grep -iqE 'Transceiver.type.*10G.Base-SR'"
sfp_mod 0 1000base-t
t_check swap-to-copper-link wait_for 15 'speed_is swp8 1000 && sw_link_up swp8 && [ "$(phy_drv swp8)" = "vsoc SFP 1000BASE-T" ]' ||
	show swp8 0
sfp_mod 0 1000base-sx
t_check swap-from-copper-link wait_for 10 'speed_is swp8 1000 && sw_link_up swp8 && [ -z "$(phy_drv swp8)" ]' ||
	show swp8 0
# The same type again: a new module (its serial number), read anew.
sn2=$(module_sn)
sfp_mod 0 1000base-sx
t_check swap-same-type-link wait_for 10 'sw_link_up swp8 && [ "$(module_sn)" != "$sn2" ]' ||
	show swp8 0
t_check swap-serials-differ test -n "$sn" -a -n "$sn2" -a "$sn" != "$sn2"
t_check swap-ping ping -c 2 -W 2 192.0.2.1
sfp_mod 0 none
t_check swap-removed wait_for 2 '! sw_link_up swp8'

# --- LOS, TX_FAULT, TX_DISABLE with a 1000BASE-SX module ---
section 'LOS'
sfp_mod 0 1000base-sx
t_check los-setup wait_for 10 'sw_link_up swp8'
t_eq los-pin-off "$(cat "$(sw_model)/sfp0/los")" 0
sfp_set 0 los_force 1
t_check los-link-down wait_for 2 '! sw_link_up swp8'
t_eq los-pin-on "$(cat "$(sw_model)/sfp0/los")" 1
t_check los-sfp-sees-it wait_for 2 "sfp_has 0 'rx_los: 1'"
sfp_set 0 los_force 0
t_check los-cleared-link wait_for 10 'sw_link_up swp8'
ip -n h8 link set lp8 down
t_check los-partner-down wait_for 2 '! sw_link_up swp8'
t_eq los-partner-down-pin "$(cat "$(sw_model)/sfp0/los")" 1
ip -n h8 link set lp8 up
t_check los-partner-back wait_for 10 'sw_link_up swp8'

section 'TX_FAULT'
sfp_set 0 tx_fault 1
t_check tx-fault-link-down wait_for 2 '! sw_link_up swp8'
t_check tx-fault-sfp-sees-it wait_for 2 "sfp_has 0 'tx_fault: 1'"
# The state machine tries to recover (reinit) and then gives up (tx_fault).
t_check tx-fault-state wait_for 5 '[[ "$(sfp_main 0)" =~ ^(reinit|tx_fault)$ ]]' ||
	sfp_state 0
t_check tx-fault-message sh -c "dmesg | grep -q 'module transmit fault indicated'"
sfp_set 0 tx_fault 0
t_check tx-fault-cleared-link wait_for 15 'sw_link_up swp8' || show swp8 0
t_eq tx-fault-cleared-state "$(sfp_main 0)" link_up

section 'TX_DISABLE'
ip link set swp8 down
t_check tx-disable-pin wait_for 5 "model_has 0 '^tx_disable 1'"
t_check tx-disable-laser-off model_has 0 '^laser off'
t_check tx-disable-partner-dark wait_for 2 '! sw_ns_link_up h8 lp8'
ip link set swp8 up
t_check tx-disable-off-link wait_for 10 'sw_link_up swp8'
t_check tx-disable-off-partner wait_for 2 'sw_ns_link_up h8 lp8'
t_check tx-disable-ping ping -c 2 -W 2 192.0.2.1

# --- cage 1: insertion with the port down, the bad module ---
section 'cage 1'
sw_host h9 lp9 198.51.100.1
ip addr add 198.51.100.2/24 dev swp9
sfp_mod 1 10gbase-lr
t_check cage1-present wait_for 5 "sfp_has 1 'Module state: present'"
ip link set swp9 up
t_check cage1-link wait_for 10 'speed_is swp9 10000 && sw_link_up swp9' || show swp9 1
t_check cage1-ping ping -c 2 -W 2 198.51.100.1
t_check cage0-still-up sw_link_up swp8
sfp_mod 1 none
t_check cage1-removed wait_for 2 '! sw_link_up swp9'

section 'bad checksum'
sfp_mod 1 bad-cc-base
t_check bad-cc-refused wait_for 5 "dmesg | grep -q 'sfp sfp-1: EEPROM base structure checksum failure'"
t_check bad-cc-state wait_for 5 "sfp_has 1 'Module state: error'" || sfp_state 1
sleep 1
t_check bad-cc-no-link link_down swp9
sfp_mod 1 none
t_check bad-cc-removed wait_for 5 "sfp_has 1 'Module state: empty'"
sfp_mod 1 1000base-sx
t_check bad-cc-then-good wait_for 10 'speed_is swp9 1000 && sw_link_up swp9' || show swp9 1

# --- unbind and bind with modules in ---
section 'unbind and bind'
pdev=$(sw_pdev)
t_check unbind sh -c "echo $pdev >$SW_DRV/unbind"
t_check bind sh -c "echo $pdev >$SW_DRV/bind"
t_check bind-ports wait_for 30 '[ -e /sys/class/net/swp8 ] && [ -e /sys/class/net/swp9 ]'
ip addr add 192.0.2.2/24 dev swp8
ip link set swp8 up
ip link set swp9 up
t_check bind-sx-link wait_for 15 'speed_is swp8 1000 && sw_link_up swp8' || show swp8 0
t_check bind-cage1-link wait_for 15 'speed_is swp9 1000 && sw_link_up swp9' || show swp9 1
t_check bind-ping ping -c 2 -W 2 192.0.2.1
# Out, and in once the sfp driver saw the cage empty.
sfp_mod 0 none
t_check bind-sx-removed wait_for 5 "sfp_has 0 'Module state: empty'"
sfp_mod 0 1000base-t
t_check bind-copper-link wait_for 15 'sw_link_up swp8 && [ "$(phy_drv swp8)" = "vsoc SFP 1000BASE-T" ]' ||
	show swp8 0
t_check bind-copper-ping ping -c 2 -W 2 192.0.2.1

sfp_reset
t_done
