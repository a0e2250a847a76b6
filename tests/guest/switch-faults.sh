#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board: vsoc-switch under traffic when things go away.
#  - iperf3 through the CPU path (lp0 in a namespace <-> swp0 standalone)
#    and through the ASIC (lp2 <-> lp3 over a bridge of swp2 and swp3):
#    the driver unbound and bound again, then the module unloaded and
#    loaded again: no hang, no splat, the ports come back and carry
#    traffic again;
#  - a link flap storm (the model's debugfs "flap") on every port under
#    the same traffic: the links end up up at 1000/full and traffic flows;
#  - the model unloaded under traffic with its link partners in
#    namespaces, and loaded again.
. /vsoc/tests/lib.sh
. /vsoc/tests/guest/switch-lib.sh

if ! sw_wait_netdevs 30 || [ -z "$(sw_model)" ]; then
	t_fail netdevs "no swp0-swp5/lp0-lp3, or no model debugfs for $SW_NODE"
	ip -br link
	t_done
	exit 0
fi

# The topology, anew after each disruption (the ports are new netdevs);
# on failure, says which step failed and shows the links.
setup() {
	local step
	sw_reset
	for step in "sw_wait_netdevs 30" "sw_host h1 lp0 192.0.2.1" \
		    "sw_host h3 lp2 198.51.100.1" "sw_host h4 lp3 198.51.100.2" \
		    "ip addr add 192.0.2.2/24 dev swp0" "ip link set swp0 up" \
		    "sw_bridge br0 0 swp2 swp3" \
		    "wait_for 60 'sw_link_up swp0 && sw_link_up swp2 && sw_link_up swp3'"; do
		if ! eval "$step"; then
			echo "setup: '$step' failed"
			ip -br link
			ip netns list
			return 1
		fi
	done
}

# Both paths carry traffic: the CPU path (swp0 standalone, this side, to
# lp0 in h1) and the ASIC (lp2 in h3 to lp3 in h4 through br0).
works() {
	ping -c 2 -W 2 192.0.2.1 >/dev/null &&
	ip netns exec h3 ping -c 2 -W 2 198.51.100.2 >/dev/null
}

# iperf3 for SECONDS in the background on both paths; traffic_end waits
# for the clients and stops the servers (by their pid files). A client
# whose interface went away (unbind, unload) keeps waiting on its control
# connection for the server's results (TCP's retransmission timeout,
# many minutes): each client gets 30 s more than its time, then is
# killed (the test is about the switch surviving, not iperf3's report).
traffic() {
	local lim=$(($1 + 30))
	ip netns exec h1 iperf3 -s -D -1 -p 5201 -I /tmp/iperf-s1.pid
	ip netns exec h4 iperf3 -s -D -1 -p 5202 -I /tmp/iperf-s2.pid
	sleep 1
	timeout -k 5 $lim iperf3 -c 192.0.2.1 -t "$1" -p 5201 --connect-timeout 3000 >/tmp/iperf-cpu.log 2>&1 &
	ip netns exec h3 timeout -k 5 $lim iperf3 -c 198.51.100.2 -t "$1" -p 5202 --connect-timeout 3000 >/tmp/iperf-fwd.log 2>&1 &
	sleep 2
}
traffic_end() {
	local f
	wait
	for f in /tmp/iperf-s1.pid /tmp/iperf-s2.pid; do
		[ -s $f ] && kill "$(cat $f)" 2>/dev/null
		rm -f $f
	done
	return 0
}

# --- unbind and bind under traffic ---
section 'unbind and bind under traffic'
t_check setup setup
t_check works-before works
traffic 8
pdev=$(sw_pdev)
t_check unbind sh -c "echo $pdev >$SW_DRV/unbind"
t_check ports-gone wait_for 10 '[ ! -e /sys/class/net/swp0 ]'
sleep 1
t_check bind sh -c "echo $pdev >$SW_DRV/bind"
traffic_end
t_check rebind-ports sw_wait_ports 30
t_check rebind-setup setup
t_check rebind-works works

# --- module unload under traffic ---
section 'module unload under traffic'
traffic 8
t_check unload modprobe -r vsoc-switch
t_check unloaded wait_for 10 '[ ! -e /sys/class/net/swp0 ]'
t_check reload modprobe vsoc-switch
traffic_end
t_check reload-ports sw_wait_ports 30
t_check reload-setup setup
t_check reload-works works

# --- link flap storm under traffic ---
section 'link flap storm under traffic'
# swp1's partner is in no host of setup(): sw_reset left it down, and a
# port whose partner is down has no link to come back to.
ip link set lp1 up
traffic 10
ok=1
for p in 0 1 2 3 4 5; do
	f=$(sw_model_port $p flap) || { ok=0; continue; }
	(echo 50 >"$f") &
done
wait_for 30 '! jobs -p | grep -q .' 2>/dev/null
t_eq flap-files "$ok" 1
sleep 3
traffic_end
for d in swp0 swp1 swp2 swp3 swp4 swp5; do
	ip link set "$d" up
done
for d in swp0 swp1 swp2 swp3 swp4 swp5; do
	t_check "flap-link-$d" sw_wait_link "$d" 30
done
t_check flap-lp-link wait_for 30 'sw_ns_link_up h1 lp0 && sw_ns_link_up h3 lp2 && sw_ns_link_up h4 lp3'
t_check flap-speed sh -c "ethtool swp2 | grep -q 'Speed: 1000Mb/s'"
t_check flap-works works

# --- the model unloaded under traffic ---
section 'model unload under traffic'
traffic 8
t_check model-unload modprobe -r vsoc-switch-model
t_check model-lps-gone wait_for 10 '! ip -n h1 link show lp0 >/dev/null 2>&1'
t_check model-reload modprobe vsoc-switch-model
traffic_end
t_check model-reload-ports sw_wait_ports 30
t_check model-reload-setup setup
t_check model-reload-works works
sw_reset

t_done
