#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Board bring-up inside the guest, run by /sbin/vsoc-init as PID 1.
#
# Shares (virtio-9p): vsoc = the project tree (ro), kernel = the test
# kernel's installed modules (ro), modules = this tree's built modules
# (ro), out = the run directory on the host (rw), cache = caches kept
# across boots (rw, XDG_CACHE_HOME), with vm.sh -m, extra = more
# modules to load at boot (ro), and with vm.sh -s, data = a directory
# shared with the host (rw, at /run/data). If out/cmd exists it is run with bash and
# its status written to out/rc; then the facts tests/board/splat.sh needs
# go to out/ (tainted, lockdep_stats, kmemleak, dmesg last), then the end
# marker out/done, and the board powers off. Otherwise an interactive
# shell is started on the console. Modules that fail to load at boot are
# listed in out/modprobe-failed.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root TERM=${TERM:-linux}

for d in /tmp /run /var/tmp /var/log /root /usr/lib/modules; do
	mount -t tmpfs -o mode=0755 tmpfs "$d"
done
chmod 1777 /tmp /var/tmp
# /var/run is /run, as base-files' maintainer scripts (which the extract
# variant does not run) would have linked it: ip netns (/var/run/netns),
# ip vrf exec (/var/run/cgroup2) and the kernel's selftests write there.
mount --bind /run /var/run
mount -t debugfs debugfs /sys/kernel/debug
mount -t configfs configfs /sys/kernel/config
mkdir -p /dev/pts /dev/shm
ln -sf /proc/self/fd /dev/fd
ln -sf /proc/self/fd/0 /dev/stdin
ln -sf /proc/self/fd/1 /dev/stdout
ln -sf /proc/self/fd/2 /dev/stderr
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
p9() { mount -t 9p -o "trans=virtio,version=9p2000.L,msize=262144,$2" "$1" "$3"; }
p9 kernel ro,cache=loose /mnt/kernel
p9 modules ro,cache=loose /mnt/modules
p9 out rw /out
mkdir -p /run/cache
p9 cache rw /run/cache
export XDG_CACHE_HOME=/run/cache
echo vsoc-board >/proc/sys/kernel/hostname
ip link set lo up 2>/dev/null

# /lib/modules as a board installs it: the kernel's own modules plus ours
# in extra/, indexed by depmod, so modprobe resolves dependencies.
kver=$(uname -r)
mdir=/lib/modules/$kver
mkdir -p "$mdir/extra"
ln -s "/mnt/kernel/lib/modules/$kver/kernel" "$mdir/kernel"
cp /mnt/kernel/lib/modules/"$kver"/modules.{order,builtin,builtin.modinfo} "$mdir/"
mkdir -p /run/extra
if cat /sys/bus/virtio/drivers/9pnet_virtio/*/mount_tag | tr '\0' '\n' | grep -qx extra; then
	p9 extra ro,cache=loose /run/extra
fi
# vm.sh -s: a directory shared read-write with the host.
if cat /sys/bus/virtio/drivers/9pnet_virtio/*/mount_tag | tr '\0' '\n' | grep -qx data; then
	mkdir -p /run/data
	p9 data rw /run/data
fi
for ko in /mnt/modules/*.ko /run/extra/*.ko; do
	[ -e "$ko" ] && ln -s "$ko" "$mdir/extra/"
done
depmod -a

# Every project module but the KUnit suites, as "make vm" promises; one
# that does not load fails the run (vm.sh).
for ko in "$mdir"/extra/*.ko; do
	m=$(basename "$ko" .ko)
	case "$m" in *-kunit) continue ;; esac
	if ! modprobe "$m"; then
		echo "vsoc: modprobe $m failed" >&2
		echo "$m" >>/out/modprobe-failed
	fi
done

if [ -f /out/cmd ]; then
	cd /root || exit
	bash /out/cmd </dev/null
	echo $? >/out/rc
	# kmemleak (booted with kmemleak=on): an object is reported once a
	# scan finds it unreferenced, unchanged since the previous scan and
	# older than 5 s; so scan, wait, scan again, and hand the report over.
	if grep -qw kmemleak=on /proc/cmdline; then
		kml=/sys/kernel/debug/kmemleak
		if echo scan >$kml && sleep 6 && echo scan >$kml; then
			cat $kml >/out/kmemleak
		else
			echo "kmemleak scan failed" >/out/kmemleak.err
		fi
	fi
	cat /proc/sys/kernel/tainted >/out/tainted
	[ -r /proc/lockdep_stats ] && cat /proc/lockdep_stats >/out/lockdep_stats
	# The whole ring buffer, after everything else has logged.
	dmesg >/out/dmesg
	sync
	echo end >/out/done
	echo o >/proc/sysrq-trigger
	sleep 10
fi

echo "vsoc board: interactive shell; exit it (or Ctrl-A X) to power off"
setsid -c bash -l
echo o >/proc/sysrq-trigger
sleep 10
