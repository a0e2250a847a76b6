#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Board bring-up inside the guest, run by /sbin/vsoc-init as PID 1.
#
# Shares (virtio-9p): vsoc = the project tree (ro), kernel = the test
# kernel's installed modules (ro), modules = this tree's built modules
# (ro), out = the run directory on the host (rw), cache = caches kept
# across boots (rw, XDG_CACHE_HOME). If out/cmd exists it is run with bash
# and its status written to out/rc, then the board powers off; otherwise
# an interactive shell is started on the console.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root TERM=${TERM:-linux}

for d in /tmp /run /var/tmp /var/log /root /usr/lib/modules; do
	mount -t tmpfs -o mode=0755 tmpfs "$d"
done
chmod 1777 /tmp /var/tmp
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
for ko in /mnt/modules/*.ko; do
	[ -e "$ko" ] && ln -s "$ko" "$mdir/extra/"
done
depmod -a

# Every project module but the KUnit suites, as "make vm" promises.
for ko in "$mdir"/extra/*.ko; do
	m=$(basename "$ko" .ko)
	case "$m" in *-kunit) continue ;; esac
	modprobe "$m" || echo "vsoc: modprobe $m failed" >&2
done

if [ -f /out/cmd ]; then
	cd /root || exit
	bash /out/cmd </dev/null
	echo $? >/out/rc
	# Soak kernels: look for leaks now rather than at the next periodic
	# scan; a report lands in the kernel log, which the host checks.
	if [ -w /sys/kernel/debug/kmemleak ]; then
		echo scan >/sys/kernel/debug/kmemleak
		cat /sys/kernel/debug/kmemleak >/out/kmemleak
	fi
	dmesg >/out/dmesg
	sync
	echo o >/proc/sysrq-trigger
	sleep 10
fi

echo "vsoc board: interactive shell; exit it (or Ctrl-A X) to power off"
setsid -c bash -l
echo o >/proc/sysrq-trigger
sleep 10
