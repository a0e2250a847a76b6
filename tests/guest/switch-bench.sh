#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vsoc-switch benchmark, on the board (tests/switch/bench.sh runs it).
# Two namespaces talk through the offloaded switch (lp0 - swp0 = br0 =
# swp1 - lp1, forwarded by the ASIC) and two through the Linux software
# bridge over veth pairs on the same board; interleaved, VSOC_BENCH_RUNS
# rounds of VSOC_BENCH_SECONDS each:
#   tcp    iperf3 TCP throughput, Mbit/s (receiver)
#   udp64  iperf3 UDP with 64-byte frames on the wire (18 bytes of
#          payload), packets per second received
# Then the FDB: VSOC_BENCH_FDB_FRAMES frames from random source MACs
# (mausezahn) into swp0: entries learned by the ASIC per second (devlink
# occupancy), entries reaching the bridge as "offload" per second, and the
# capacity: the occupancy when the frames are done.
# Writes "R ROUND PATH TEST VALUE" lines to /run/data/results.
. /vsoc/tests/lib.sh
. /vsoc/tests/guest/switch-lib.sh

runs=${VSOC_BENCH_RUNS:-3}
secs=${VSOC_BENCH_SECONDS:-5}
fdb_frames=${VSOC_BENCH_FDB_FRAMES:-65536}
res=/run/data/results
: >$res

for d in $SW_PORTS $SW_LPS; do
	wait_for 30 "[ -e /sys/class/net/$d ]" || { echo "no $d" >&2; exit 1; }
done

# The switch: lp0 in sw1, lp1 in sw2, swp0 and swp1 in br0.
sw_host sw1 lp0 192.0.2.1
sw_host sw2 lp1 192.0.2.2
sw_bridge br0 0 swp0 swp1
# The software bridge: veth pairs, one end in a namespace, the other in brv.
for i in 1 2; do
	ip netns add "vb$i"
	ip link add "vb$i" type veth peer name "vh$i"
	ip link set "vh$i" netns "vb$i"
	ip netns exec "vb$i" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
	ip -n "vb$i" link set lo up
	ip -n "vb$i" addr add "198.51.100.$i/24" dev "vh$i"
	ip -n "vb$i" link set "vh$i" up
done
ip link add brv type bridge mcast_snooping 0
ip link set vb1 master brv
ip link set vb2 master brv
ip link set vb1 up
ip link set vb2 up
ip link set brv up
wait_for 30 'sw_ns_link_up sw1 lp0 && sw_ns_link_up sw2 lp1 && sw_link_up swp0 && sw_link_up swp1' ||
	{ echo "switch links down" >&2; exit 1; }
ip netns exec sw1 ping -c 3 -W 2 192.0.2.2 >/dev/null || { echo "no ping through the switch" >&2; exit 1; }
ip netns exec vb1 ping -c 3 -W 2 198.51.100.2 >/dev/null || { echo "no ping through brv" >&2; exit 1; }
ip netns exec sw2 iperf3 -s -D -p 5201
ip netns exec vb2 iperf3 -s -D -p 5201
sleep 1

cpu_rx0=$(sw_cpu_stat rx)
one() { # ROUND PATH NS DST
	local j
	j=$(ip netns exec "$3" iperf3 -c "$4" -p 5201 -t "$secs" -J 2>/dev/null)
	echo "R $1 $2 tcp $(echo "$j" | jq '.end.sum_received.bits_per_second / 1e6')" >>$res
	# 64-byte frames: 14 Ethernet + 20 IPv4 + 8 UDP + 18 payload + 4 FCS.
	j=$(ip netns exec "$3" iperf3 -c "$4" -p 5201 -t "$secs" -u -l 18 -b 0 -J 2>/dev/null)
	echo "R $1 $2 udp64 $(echo "$j" | jq '(.end.sum.packets - .end.sum.lost_packets) / .end.sum.seconds')" >>$res
}
for r in $(seq 1 "$runs"); do
	one "$r" switch sw1 192.0.2.2
	one "$r" swbridge vb1 198.51.100.2
done
cpu_rx1=$(sw_cpu_stat rx)
echo "cpu_rx_during_forwarding $((cpu_rx1 - cpu_rx0))" >>$res

# FDB learning rate and capacity.
dl=$(devlink dev show | head -n 1)
occ() { devlink resource show "$dl" | sed -n 's/.*name fdb.* occ \([0-9]*\).*/\1/p' | head -n 1; }
mac2=$(sw_mac lp1 sw2)
o0=$(occ)
b0=$(bridge fdb show dev swp0 | grep -c offload)
t0=$(date +%s.%N)
ip netns exec sw1 mausezahn lp0 -q -c "$fdb_frames" -a rand -b "$mac2" -t udp "dp=9" 2>/dev/null
t1=$(date +%s.%N)
o1=$(occ)
# The bridge hears of them through the driver's notifications: until
# their count stops growing.
prev=-1
n=$(bridge fdb show dev swp0 | grep -c offload)
while [ "$n" != "$prev" ]; do
	prev=$n
	sleep 2
	n=$(bridge fdb show dev swp0 | grep -c offload)
done
t2=$(date +%s.%N)
awk -v f="$fdb_frames" -v a="$t0" -v b="$t1" -v c="$t2" -v o0="$o0" -v o1="$o1" -v b0="$b0" -v n="$n" 'BEGIN {
	printf "fdb_frames %d\nfdb_send_seconds %.2f\n", f, b - a
	printf "fdb_hw_learned %d\nfdb_hw_learn_rate %.0f\n", o1 - o0, (o1 - o0) / (b - a)
	printf "fdb_bridge_offloaded %d\nfdb_bridge_rate %.0f\n", n - b0, (n - b0) / (c - a - 4)
	printf "fdb_capacity %d\n", o1 }' >>$res
devlink resource show "$dl" >>$res
cat $res
