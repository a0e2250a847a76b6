# SPDX-License-Identifier: GPL-2.0
# Shared by the vsoc-switch guest scripts (tests/guest/switch-*.sh);
# sourced after /vsoc/tests/lib.sh.
#
# The board's switch (dts/vsoc-board.dtso): ports swp0-swp3 cabled to the
# model's link partners lp0-lp3, swp4 and swp5 cabled to each other.

SW_NODE=ethernet-switch@8000
SW_DRV=/sys/bus/platform/drivers/vsoc-switch
SW_PORTS="swp0 swp1 swp2 swp3 swp4 swp5"
SW_LPS="lp0 lp1 lp2 lp3"

# Each section named in the kernel log, to place what the log shows.
section() { echo "${0##*/}: $*" >/dev/kmsg; echo "=== $*"; }

# The model's debugfs directory of the block.
sw_model() { ls -d /sys/kernel/debug/vsoc-sim/*/"$SW_NODE" 2>/dev/null | head -n 1; }

# sw_model_port N FILE: the model's debugfs file FILE of port N.
sw_model_port() {
	local m f
	m=$(sw_model)
	for f in "$m/port$1/$2" "$m/p$1/$2" "$m/port$1-$2" "$m/$2$1"; do
		[ -e "$f" ] && { echo "$f"; return 0; }
	done
	return 1
}

# The driver's platform device name (as in $SW_DRV/).
sw_pdev() { basename "$(ls -d /sys/bus/platform/devices/*"$SW_NODE"* 2>/dev/null | head -n 1)"; }

# sw_stat DEV NAME...: the first of the counters NAME of "ethtool -S DEV"
# that exists (names differ in case and separators between drivers).
sw_stat() {
	local dev=$1 n v
	shift
	for n in "$@"; do
		v=$(ethtool -S "$dev" 2>/dev/null | sed -n "s/^[[:space:]]*$n:[[:space:]]*\([0-9]*\)$/\1/p" | head -n 1)
		[ -n "$v" ] && { echo "$v"; return 0; }
	done
	echo 0
	return 1
}

# The ASIC's CPU queue counters (frames extracted to and injected by the
# CPU: CPU_RX_FRAMES, CPU_TX_FRAMES), from the model's debugfs.
sw_cpu_stat() { # rx|tx
	local m f
	m=$(sw_model)
	for f in "$m/stats" "$m/counters" "$m/cpu"; do
		[ -r "$f" ] || continue
		sed -n "s/^[[:space:]]*cpu[_-]$1[_-]frames[[:space:]:=]*\([0-9]*\).*/\1/Ip" "$f" | head -n 1
		return 0
	done
	sw_stat swp0 "cpu_$1_frames" "cpu-$1-frames"
}

# Carrier and operational state up.
sw_link_up() { [ "$(cat "/sys/class/net/$1/operstate" 2>/dev/null)" = up ]; }
sw_wait_link() { wait_for "${2:-20}" "sw_link_up $1"; }
sw_ns_link_up() { ip -n "$1" -j link show dev "$2" 2>/dev/null | jq -e '.[0].operstate == "UP"' >/dev/null; }

# Every port present (in this namespace).
sw_wait_ports() {
	local d
	for d in $SW_PORTS; do
		wait_for "${1:-20}" "[ -e /sys/class/net/$d ]" || return 1
	done
}

# Every port and link partner present (none moved to a namespace).
sw_wait_netdevs() {
	local d
	for d in $SW_PORTS $SW_LPS; do
		wait_for "${1:-20}" "[ -e /sys/class/net/$d ]" || return 1
	done
}

# sw_host NS LP ADDR: LP in a namespace of its own with ADDR/24, IPv6 off
# (no router or neighbour solicitations, no MLD: a quiet host).
sw_host() {
	ip netns add "$1" &&
	ip link set "$2" netns "$1" &&
	ip netns exec "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 &&
	ip -n "$1" link set lo up &&
	ip -n "$1" addr add "$3/24" dev "$2" &&
	ip -n "$1" link set "$2" up
}

# sw_host_del NS LP: LP back to the initial namespace, NS gone.
sw_host_del() {
	ip netns pids "$1" 2>/dev/null | xargs -r kill 2>/dev/null
	ip -n "$1" link set "$2" down 2>/dev/null
	ip -n "$1" link set "$2" netns 1 2>/dev/null
	ip netns del "$1" 2>/dev/null
	return 0
}

sw_mac() { ip ${2:+-n "$2"} -j link show dev "$1" | jq -r '.[0].address'; }

# Bridge BR with the ports given, VLAN filtering VF, all up.
sw_bridge() { # BR VF PORT...
	local br=$1 vf=$2 p
	shift 2
	ip link add "$br" type bridge vlan_filtering "$vf" mcast_snooping 0 || return 1
	for p in "$@"; do
		ip link set "$p" master "$br" || return 1
		ip link set "$p" up
	done
	ip link set "$br" up
}

# Everything a section may have left: bridges, namespaces, addresses.
sw_reset() {
	local ns d
	for ns in $(ip netns list | cut -d' ' -f1); do
		for d in $SW_LPS; do
			ip -n "$ns" link set "$d" netns 1 2>/dev/null
		done
		ip netns pids "$ns" | xargs -r kill 2>/dev/null
		ip netns del "$ns"
	done
	ip -j link show type bridge | jq -r '.[].ifname' | xargs -r -n1 ip link del dev
	for d in $SW_PORTS $SW_LPS; do
		ip addr flush dev "$d" 2>/dev/null
		ip link set "$d" promisc off 2>/dev/null
		ip link set "$d" down 2>/dev/null
	done
	return 0
}
