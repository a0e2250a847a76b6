#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board: vsoc-switch and its model.
#  - the ports and link partners are there, named as the driver guide
#    says (phys_port_name pN, one phys_switch_id), links up through the
#    PCS;
#  - a standalone port is a NIC: ping, unknown unicast filtered unless
#    promiscuous;
#  - two namespaces talk through a bridged pair forwarded by the ASIC:
#    the ports' hardware counters go up, the CPU queues' do not; the
#    learned entries are in the bridge as "offload" and age out after the
#    bridge's ageing_time;
#  - devlink: dev info, ports, the FDB resource;
#  - bad input: invalid VLANs, a second VLAN-aware bridge, flags the ASIC
#    cannot do, a full FDB (random source MACs from mausezahn): clean
#    errors, no splat, forwarding still right.
. /vsoc/tests/lib.sh
. /vsoc/tests/guest/switch-lib.sh

# No IPv6 on this side either: the bridges and ports send no router
# solicitations, DAD or MLD, so the CPU queues count only what a test
# sends.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1

if ! sw_wait_netdevs 30 || [ -z "$(sw_model)" ]; then
	t_fail netdevs "no swp0-swp5/lp0-lp3, or no model debugfs for $SW_NODE"
	ip -br link
	dmesg | grep -iE 'switch|swp|vsoc' | tail -n 30
	t_done
	exit 0
fi
t_pass netdevs

# --- names ---
section 'names'
ok=1
id=$(cat /sys/class/net/swp0/phys_switch_id 2>/dev/null)
for p in 0 1 2 3 4 5; do
	[ "$(cat /sys/class/net/swp$p/phys_port_name 2>/dev/null)" = "p$p" ] || ok=0
	[ -n "$id" ] && [ "$(cat /sys/class/net/swp$p/phys_switch_id 2>/dev/null)" = "$id" ] || ok=0
done
t_eq names-port-switch-id "$ok" 1

# --- links: up through the PCS, on lp cables and the loopback cable ---
section 'links'
for d in $SW_PORTS $SW_LPS; do
	ip link set "$d" up
done
for d in $SW_PORTS $SW_LPS; do
	t_check "link-$d" sw_wait_link "$d" 20
done
t_check link-swp0-1000-full sh -c "ethtool swp0 | grep -q 'Speed: 1000Mb/s' && ethtool swp0 | grep -q 'Duplex: Full'"
sw_reset

# --- a standalone port is a NIC ---
section 'standalone port'
sw_host h1 lp0 192.0.2.1
ip addr add 192.0.2.2/24 dev swp0
ip link set swp0 up
sw_wait_link swp0
wait_for 20 'sw_ns_link_up h1 lp0'
t_check standalone-ping ping -c 3 -W 2 192.0.2.1
t_check standalone-ping-flood ping -c 200 -i 0.01 -q -W 2 192.0.2.1
# Frames to a unicast address that is not the port's reach it only when
# promiscuous. A packet socket sees what the port accepted; tcpdump -p
# leaves promiscuous mode alone.
unk=02:00:5e:00:53:99
count_unknown() {
	local n
	timeout 60 tcpdump -Z root -p -n -l -i swp0 ether dst $unk >/tmp/unk.txt 2>/tmp/unk.err &
	# tcpdump says so once it captures (its start takes seconds under TCG).
	# -Z root: the rootfs has no user "tcpdump" to drop to. A tcpdump
	# that never listened counts -1 (no vacuous "filtered").
	wait_for 30 'grep -q "listening on" /tmp/unk.err' || { cat /tmp/unk.err >&2; kill %1 2>/dev/null; wait; echo -1; return; }
	ip netns exec h1 mausezahn lp0 -q -c 20 -d 1msec -a own -b $unk -t udp "dp=9" 2>/dev/null
	sleep 2
	kill %1 2>/dev/null
	wait
	n=$(grep -c . /tmp/unk.txt)
	echo "$n"
}
rx0=$(sw_stat swp0 rx_unicast)
t_eq standalone-unknown-uc-filtered "$(count_unknown)" 0
# The frames did reach the port (its MAC counted them).
t_check standalone-unknown-uc-sent test "$(($(sw_stat swp0 rx_unicast) - rx0))" -ge 20
ip link set swp0 promisc on
t_eq standalone-unknown-uc-promisc "$(count_unknown)" 20
ip link set swp0 promisc off
t_eq standalone-unknown-uc-filtered-again "$(count_unknown)" 0
sw_reset

# --- forwarded by the ASIC ---
section 'bridged pair: forwarded by the ASIC'
sw_host h1 lp0 192.0.2.1
sw_host h2 lp1 192.0.2.2
sw_bridge br0 0 swp0 swp1
ip link set br0 type bridge ageing_time 1000
wait_for 20 'sw_ns_link_up h1 lp0 && sw_ns_link_up h2 lp1'
mac1=$(sw_mac lp0 h1)
mac2=$(sw_mac lp1 h2)
# Learn both stations (the first frames may flood to the CPU too).
t_check bridge-ping ip netns exec h1 ping -c 3 -W 2 192.0.2.2
ip -n h1 neigh replace 192.0.2.2 lladdr "$mac2" dev lp0 nud permanent
ip -n h2 neigh replace 192.0.2.1 lladdr "$mac1" dev lp1 nud permanent
ip netns exec h1 ping -c 2 -W 2 192.0.2.2 >/dev/null
t_check bridge-fdb-offload-lp0 wait_for 10 "bridge fdb show dev swp0 | grep -i '$mac1' | grep -q offload"
t_check bridge-fdb-offload-lp1 wait_for 10 "bridge fdb show dev swp1 | grep -i '$mac2' | grep -q offload"
cpu_rx0=$(sw_cpu_stat rx)
cpu_tx0=$(sw_cpu_stat tx)
fwd0=$(sw_stat swp0 rx_fwd RX_FWD rx-fwd)
tx1=$(sw_stat swp1 tx_ucast tx_unicast TX_UCAST tx-ucast)
t_check bridge-ping-200 ip netns exec h1 ping -c 200 -i 0.01 -q -W 2 192.0.2.2
ip netns exec h2 iperf3 -s -D -1 -p 5201
sleep 1
t_check bridge-iperf3 ip netns exec h1 iperf3 -c 192.0.2.2 -t 3 -p 5201
cpu_rx1=$(sw_cpu_stat rx)
cpu_tx1=$(sw_cpu_stat tx)
fwd1=$(sw_stat swp0 rx_fwd RX_FWD rx-fwd)
tx1b=$(sw_stat swp1 tx_ucast tx_unicast TX_UCAST tx-ucast)
echo "cpu rx $cpu_rx0 -> $cpu_rx1, cpu tx $cpu_tx0 -> $cpu_tx1, swp0 rx_fwd $fwd0 -> $fwd1, swp1 tx_ucast $tx1 -> $tx1b"
t_check bridge-asic-forwarded test "$((fwd1 - fwd0))" -ge 200
t_check bridge-asic-egress test "$((tx1b - tx1))" -ge 200
t_eq bridge-cpu-rx-flat "$((cpu_rx1 - cpu_rx0))" 0
t_eq bridge-cpu-tx-flat "$((cpu_tx1 - cpu_tx0))" 0

# Ageing: quiet stations disappear from hardware and bridge after the
# bridge's ageing_time (10 s here; the ASIC scans every half period).
section 'ageing'
t_check ageing-time-set test "$(ip -j -d link show br0 | jq '.[0].linkinfo.info_data.ageing_time')" -eq 1000
# The clock starts with the stations' last frames, sent now: the checks
# above took seconds of their own (more on a loaded host).
ip netns exec h1 ping -c 1 -W 2 192.0.2.2 >/dev/null
start=$SECONDS
if wait_for 40 "! bridge fdb show dev swp0 | grep -qi '$mac1'"; then
	t_pass ageing-lp0
	el=$((SECONDS - start))
	echo "aged out after $el s"
	t_check ageing-not-early test "$el" -ge 5
else
	t_fail ageing-lp0 "$mac1 still in the bridge's FDB after 40 s: $(bridge fdb show dev swp0 | grep -i "$mac1")"
fi
t_check ageing-lp1 wait_for 10 "! bridge fdb show dev swp1 | grep -qi '$mac2'"
# Traffic again: learned anew.
ip netns exec h1 ping -c 2 -W 2 192.0.2.2 >/dev/null
t_check relearned wait_for 10 "bridge fdb show dev swp0 | grep -i '$mac1' | grep -q offload"
sw_reset

# --- devlink ---
section 'devlink'
devlink dev info >/tmp/dl-info 2>&1
cat /tmp/dl-info
t_check devlink-dev-info-driver grep -q 'driver vsoc-switch' /tmp/dl-info
t_check devlink-dev-info-serial grep -qE 'serial_number [0-9a-fA-F]+' /tmp/dl-info
t_check devlink-dev-info-versions grep -qA3 'fixed:' /tmp/dl-info
devlink port show >/tmp/dl-ports 2>&1
cat /tmp/dl-ports
for p in 0 1 2 3 4 5; do
	t_check "devlink-port-$p" grep -qE "netdev swp$p flavour physical port $p" /tmp/dl-ports
done
devlink resource show "$(devlink dev show | head -n 1)" >/tmp/dl-res 2>&1
cat /tmp/dl-res
t_check devlink-resource-fdb grep -qiE 'name fdb.* size 16384' /tmp/dl-res

# --- bad input ---
section 'bad input'
# err NAME CMD...: CMD must fail with a message on stderr.
err() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then
		t_fail "$name" "'$*' succeeded"
	elif [ -z "$out" ]; then
		t_fail "$name" "'$*' failed without a message"
	else
		t_pass "$name"
		echo "    $name: $out"
	fi
}
sw_bridge br0 1 swp0 swp1
err vlan-zero bridge vlan add dev swp0 vid 0
err vlan-4095 bridge vlan add dev swp0 vid 4095
err vlan-range-reversed bridge vlan add dev swp0 vid 100-50
err vlan-range-beyond bridge vlan add dev swp0 vid 4000-4095
t_check vlan-range-good bridge vlan add dev swp0 vid 100-199
t_eq vlan-range-count "$(bridge -j vlan show dev swp0 | jq '[.[0].vlans[] | select(.vlan >= 100 and .vlan <= 199)] | length')" 100
t_check vlan-range-del bridge vlan del dev swp0 vid 100-199
# Only one VLAN-aware bridge: the second is refused with an extack.
ip link add br1 type bridge vlan_filtering 1
err second-vlan-aware-bridge ip link set swp2 master br1
t_check second-bridge-unaware ip link set br1 type bridge vlan_filtering 0
t_check second-bridge-unaware-join ip link set swp2 master br1
err second-bridge-to-vlan-aware ip link set br1 type bridge vlan_filtering 1
ip link del br1
# Flags the ASIC cannot do (it never sends a frame back where it came
# from): refused, and the port keeps its state.
err flag-hairpin bridge link set dev swp0 hairpin on
t_eq flag-hairpin-off "$(bridge -j -d link show dev swp0 | jq -r '.[0].hairpin')" false
err flag-mcast-to-unicast bridge link set dev swp0 mcast_to_unicast on
sw_reset

# --- a full FDB ---
section 'full FDB'
sw_host h1 lp0 192.0.2.1
sw_host h2 lp1 192.0.2.2
sw_bridge br0 0 swp0 swp1
wait_for 20 'sw_ns_link_up h1 lp0 && sw_ns_link_up h2 lp1'
ip netns exec h1 ping -c 2 -W 2 192.0.2.2 >/dev/null
mac2=$(sw_mac lp1 h2)
occ() { devlink resource show "$(devlink dev show | head -n 1)" | sed -n 's/.*name fdb.* occ \([0-9]*\).*/\1/p' | head -n 1; }
occ0=$(occ)
full0=$(sw_stat swp0 rx_learn_full drop_learn_full learn_full)
# 40000 frames from random source MACs to lp1 (known: no flooding).
start=$SECONDS
ip netns exec h1 mausezahn lp0 -q -c 40000 -a rand -b "$mac2" -t udp "dp=9" 2>/dev/null
echo "40000 frames in $((SECONDS - start)) s"
wait_for 60 '[ "$(bridge fdb show dev swp0 | grep -c offload)" -ge 12000 ]'
n=$(bridge fdb show dev swp0 | grep -c offload)
occ1=$(occ)
full1=$(sw_stat swp0 rx_learn_full drop_learn_full learn_full)
echo "offloaded entries on swp0: $n; devlink fdb occupancy $occ0 -> $occ1; learn-full drops $full0 -> $full1"
t_check fdb-full-learned test "$n" -ge 12000
t_check fdb-full-occupancy test "${occ1:-0}" -ge 12000 -a "${occ1:-0}" -le 16384
t_check fdb-full-drops-counted test "$((full1 - full0))" -gt 0
t_check fdb-full-still-forwards ip netns exec h1 ping -c 3 -W 2 192.0.2.2
# A port that leaves the bridge takes its learned entries along.
t_check fdb-leave ip link set swp0 nomaster
t_check fdb-flushed wait_for 60 '[ "$(bridge fdb show dev swp0 | grep -c offload)" -eq 0 ]'
# The ASIC no longer holds the flood's entries: what it held before
# (occ0: static port and bridge addresses, the hosts' learned ones), less
# lp0's learned entry, plus swp0's standalone entries (its address and
# multicast list in its own FID: a few; 14 against 12 measured).
t_check fdb-flushed-hw wait_for 30 '[ "$(occ)" -le $((occ0 + 8)) ]'
echo "devlink fdb occupancy after the leave: $(occ) (before the flood $occ0)"
sw_reset

t_done
