#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board: the userspace the driver groups stand on works with the
# test kernel. Each check proves a part of tests/kernel/vsoc.config and
# of the rootfs: namespaces and bridges for the network selftests, fio's
# shared memory, the media stack with trixie's v4l-utils and GStreamer.
. /vsoc/tests/lib.sh

ip=/usr/bin/ip   # busybox has an "ip" applet too

# Network namespaces (NET_NS, and FILE_LOCKING for /run/netns), veth
# between them, a VLAN-aware bridge.
t_check netns-add $ip netns add vsoc-a
t_check netns-veth sh -c "$ip link add va type veth peer name vb &&
	$ip link set vb netns vsoc-a &&
	$ip addr add 192.0.2.1/24 dev va && $ip link set va up &&
	$ip -n vsoc-a addr add 192.0.2.2/24 dev vb &&
	$ip -n vsoc-a link set vb up && $ip -n vsoc-a link set lo up"
t_check netns-ping ping -c 2 -W 5 192.0.2.2
t_check bridge-vlan sh -c "$ip link add vbr type bridge vlan_filtering 1 &&
	$ip link set va master vbr && bridge vlan add dev va vid 10 &&
	bridge vlan show dev va | grep -qw 10"
$ip link del vbr 2>/dev/null
$ip link del va 2>/dev/null
t_check netns-del $ip netns del vsoc-a
# ethtool's netlink interface (ETHTOOL_NETLINK): --json works only over
# netlink, where plain "ethtool lo" falls back to the ioctl.
t_check ethtool-netlink sh -c "ethtool --json lo | grep -q '\"link-detected\": true'"

# fio keeps its job state in SysV shared memory (SYSVIPC).
t_check fio-shm fio --name=smoke --filename=/tmp/fio.dat --size=1M --bs=64k \
	--rw=write --verify=crc32c --output=/dev/null

# Media: the in-tree visl passes trixie's v4l2-compliance on this kernel,
# and GStreamer's v4l2codecs plugin loads and finds its decoder.
if modprobe visl; then
	vdev=
	for v in /sys/class/video4linux/video*; do
		grep -q visl "$v/name" 2>/dev/null && vdev=/dev/$(basename "$v")
	done
	if [ -n "$vdev" ]; then
		v4l2-compliance -d "$vdev" >/tmp/compliance.log 2>&1
		summary=$(grep -E '^Total for ' /tmp/compliance.log | tail -1)
		echo "    $summary"
		case "$summary" in
		*"Failed: 0, Warnings: 0"*) t_pass visl-v4l2-compliance ;;
		*) grep -E 'fail|warn' /tmp/compliance.log | head -20
		   t_fail visl-v4l2-compliance "${summary:-no summary}" ;;
		esac
		t_check gst-v4l2codecs sh -c "gst-inspect-1.0 v4l2codecs | grep -q v4l2slh264dec"
	else
		t_fail visl-video-node "visl loaded but no video node named visl"
	fi
	modprobe -r visl
else
	t_fail visl-load "modprobe visl failed"
fi

t_check mmc-test-module sh -c "modprobe mmc_test && modprobe -r mmc_test"
t_done
