#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On a board with tests/switch/phy-ports.dtso laid over it
# (tests/board/run-guest.sh -d tests/switch/phy-ports.dtso ...): the
# switch's MDIO bus and its ports with external PHYs.
#  - the bus and its two PHYs (IDs), bound to the kernel's generic
#    drivers when their ports open;
#  - swp6 (SGMII, 1G copper PHY) against lp6: autonegotiation to
#    1000/full, the partner's advertisement, forced speeds, the partner
#    advertising less, the partner going away and coming back, traffic;
#  - swp7 (10GBASE-R, 10G clause 45 PHY) against lp7: 10G, traffic;
#  - the driver unbound and bound again with the PHY ports up.
# In the switch group (a board with both PHY and SFP overlays).
. /vsoc/tests/lib.sh
. /vsoc/tests/guest/switch-lib.sh

sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1

# The MDIO bus's device of PHY address N (two hex digits).
mdio_dev() { ls -d /sys/bus/mdio_bus/devices/*-mdio:"$1" 2>/dev/null | head -n 1; }
# The kernel driver of a port's PHY (once the port is open).
phy_drv() { basename "$(readlink "/sys/class/net/$1/phydev/driver")" 2>/dev/null; }
# mii_c45 IFACE PRTAD DEVAD REG: a clause 45 register through SIOCGMIIREG.
mii_c45() {
	python3 - "$@" <<-'EOF' 2>/dev/null
	import fcntl, socket, struct, sys
	name, prtad, devad, reg = sys.argv[1], *map(int, sys.argv[2:5])
	ifr = struct.pack('16s4H16x', name.encode(), 0x8000 | prtad << 5 | devad, reg, 0, 0)
	out = fcntl.ioctl(socket.socket(socket.AF_INET, socket.SOCK_DGRAM), 0x8948, ifr)
	print(hex(struct.unpack('16s4H16x', out)[4]))
	EOF
}
speed_is() { ethtool "$1" 2>/dev/null | grep -q "Speed: $2Mb/s"; }
speed_of() { ethtool "$1" 2>/dev/null | sed -n 's/^[[:space:]]*Speed: //p'; }
ns_speed_is() { ip netns exec "$1" ethtool "$2" 2>/dev/null | grep -q "Speed: $3Mb/s"; }

phy_reset() {
	sw_host_del h6 lp6
	sw_host_del h7 lp7
	ip addr flush dev swp6 2>/dev/null
	ip addr flush dev swp7 2>/dev/null
	ip link set swp6 down 2>/dev/null
	ip link set swp7 down 2>/dev/null
	return 0
}

if ! wait_for 30 '[ -e /sys/class/net/swp6 ] && [ -e /sys/class/net/swp7 ] && [ -e /sys/class/net/lp6 ] && [ -e /sys/class/net/lp7 ]'; then
	t_fail netdevs "no swp6/swp7/lp6/lp7: board without tests/switch/phy-ports.dtso?"
	ip -br link
	dmesg | grep -iE 'switch|swp|mdio|phy' | tail -n 30
	t_done
	exit 0
fi
t_pass netdevs

# --- the bus ---
section 'MDIO bus'
t_eq mdio-copper-id "$(cat "$(mdio_dev 01)/phy_id" 2>/dev/null)" 0x76735c11
# One PHY device per PHY node of the DT's mdio node, at its address.
dt_phys=$(for n in /proc/device-tree/vsoc-sim/ethernet-switch@8000/mdio/ethernet-phy@*; do
	printf '%02x\n' "0x${n##*@}"; done | sort | paste -sd' ')
t_eq mdio-no-other "$(find /sys/bus/mdio_bus/devices/ -maxdepth 1 -name '*-mdio:*' |
	sed 's/.*://' | sort | paste -sd' ')" "$dt_phys"

# --- swp6: SGMII to the copper PHY ---
section 'copper PHY port'
sw_host h6 lp6 192.0.2.1
ip addr add 192.0.2.2/24 dev swp6
ip link set swp6 up
t_check copper-link sw_wait_link swp6 20
t_eq copper-driver "$(phy_drv swp6)" "Generic PHY"
t_check copper-1000-full sh -c "ethtool swp6 | grep -q 'Speed: 1000Mb/s' && ethtool swp6 | grep -q 'Duplex: Full'"
t_check copper-lp-advertised sh -c "ethtool swp6 | sed -n '/Link partner advertised link modes/,/Link partner advertised pause/p' | grep -q 10baseT/Half"
t_check copper-partner-view wait_for 5 'ns_speed_is h6 lp6 1000'
t_check copper-ping ping -c 3 -W 2 192.0.2.1

for s in 10 100 1000; do
	ethtool -s swp6 speed $s duplex full autoneg off
	t_check "copper-forced-$s" wait_for 10 "speed_is swp6 $s && sw_link_up swp6" ||
		{ ethtool swp6; cat /sys/kernel/debug/vsoc-sim/*/ethernet-switch@8000/link 2>/dev/null; }
	t_check "copper-forced-$s-ping" ping -c 2 -W 2 192.0.2.1
done
ethtool -s swp6 autoneg on
t_check copper-autoneg-again wait_for 10 'speed_is swp6 1000'

# The partner advertises 100baseT/Full only: the highest common mode.
ip netns exec h6 ethtool -s lp6 advertise 0x008
t_check copper-partner-100 wait_for 10 'speed_is swp6 100 && sw_link_up swp6'
ip netns exec h6 ethtool -s lp6 advertise 0x03f
t_check copper-partner-all wait_for 10 'speed_is swp6 1000'

# The partner goes: link down within the PHY's polling (1 s), and back.
ip -n h6 link set lp6 down
t_check copper-partner-gone wait_for 5 '! sw_link_up swp6'
ip -n h6 link set lp6 up
t_check copper-partner-back wait_for 10 'sw_link_up swp6'
t_check copper-ping-back ping -c 2 -W 2 192.0.2.1

# The port goes down: its PHY powers down, the partner loses its carrier.
ip link set swp6 down
t_check copper-pdown-carrier wait_for 5 '! sw_ns_link_up h6 lp6'
ip link set swp6 up
t_check copper-up-again sw_wait_link swp6 20

# --- swp7: 10GBASE-R to the 10G PHY ---
section '10G PHY port'
sw_host h7 lp7 198.51.100.1
ip addr add 198.51.100.2/24 dev swp7
ip link set swp7 up
t_check 10g-link sw_wait_link swp7 20
t_eq 10g-driver "$(phy_drv swp7)" "Generic Clause 45 PHY"
# 6.12 shows no clause 45 IDs in sysfs: read MMD 1's device ID through
# the port's MII ioctl (phylink hands clause 45 PHY IDs to the bus).
t_eq mdio-10g-id "$(mii_c45 swp7 4 1 2)$(mii_c45 swp7 4 1 3)" 0x76730x5c21
t_eq 10g-speed "$(speed_of swp7)" 10000Mb/s
t_check 10g-ping ping -c 3 -W 2 198.51.100.1
ip -n h7 link set lp7 down
t_check 10g-partner-gone wait_for 5 '! sw_link_up swp7'
ip -n h7 link set lp7 up
t_check 10g-partner-back wait_for 10 'sw_link_up swp7'

# --- unbind and bind with the PHY ports up ---
section 'unbind and bind'
pdev=$(sw_pdev)
t_check unbind sh -c "echo $pdev >$SW_DRV/unbind"
t_check unbind-bus-gone wait_for 10 '[ -z "$(mdio_dev 01)" ]'
t_check bind sh -c "echo $pdev >$SW_DRV/bind"
t_check bind-ports wait_for 30 '[ -e /sys/class/net/swp6 ] && [ -e /sys/class/net/swp7 ]'
ip addr add 192.0.2.2/24 dev swp6
ip link set swp6 up
ip link set swp7 up
t_check bind-copper-link sw_wait_link swp6 20
t_check bind-10g-link sw_wait_link swp7 20
t_check bind-ping ping -c 2 -W 2 192.0.2.1

phy_reset
t_done
