#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# dkms add/build/install/remove of this tree against this machine's Debian
# kernel headers (linux-headers-amd64), as a board maker would use it, and
# the README's other route, "make KDIR=... install".
#
# The package goes in under a test-only version (PACKAGE_VERSION with
# "-vsoctest"), so that a real installation of vsoc on this machine is
# neither replaced nor removed.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/board/common.sh"
. "$top/tests/lib.sh"

"$top/tests/board/deps.sh" dkms || { t_fail deps "cannot install dkms and headers"; exit 0; }
kver=$(vsoc_host_kver)
ksrc=/usr/src/linux-headers-$kver
[ -d "$ksrc" ] || { t_fail headers "no headers for '$kver'"; exit 0; }
ver=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$top/dkms.conf")-vsoctest
src=/usr/src/vsoc-$ver
tmp=$(mktemp -d)
cleanup() {
	dkms remove -m vsoc -v "$ver" --all >/dev/null 2>&1
	rm -rf "$src" "$tmp"
}
trap cleanup EXIT

# ko_set: module names of the .ko paths or "LD [M] ....ko" lines on stdin.
ko_set() { grep -E '\.ko(\.[a-z]+)?$' | sed -E 's/\.ko(\.[a-z]+)?$//; s|.*[/ ]||' | sort -u | xargs; }

# Other versions of vsoc on this machine (a real installation): left as
# they are.
others() {
	{ dkms status -m vsoc 2>/dev/null | grep -vF "vsoc/$ver"
	  find /usr/src -maxdepth 1 -name 'vsoc-*' ! -name "vsoc-$ver" | sort; } | sort
}
others0=$(others)

cleanup
mkdir -p "$src" "$tmp"
cp -a "$top"/{dkms.conf,Kbuild,Makefile,modules.mk,COPYING,drivers,include} "$src/"
sed -i "s/^PACKAGE_VERSION=.*/PACKAGE_VERSION=\"$ver\"/" "$src/dkms.conf"

t_check add dkms add -m vsoc -v "$ver"
t_check build dkms build -m vsoc -v "$ver" -k "$kver"
if dkms status -m vsoc -k "$kver" 2>/dev/null | grep -vF "vsoc/$ver" | grep -q installed; then
	t_skip install "another version of vsoc is installed for $kver"
else
	t_check install dkms install -m vsoc -v "$ver" -k "$kver"

	# What dkms installed must be exactly what the dkms build made
	# (its make.log's "LD [M] ....ko" lines), and at least one module.
	log=$(find "/var/lib/dkms/vsoc/$ver" -name make.log | head -n 1)
	built=$(grep -E '^ *LD \[M\] .*\.ko$' "${log:-/dev/null}" | ko_set)
	got=$(find "/lib/modules/$kver/updates/dkms" -name 'vsoc*.ko*' 2>/dev/null | ko_set)
	if [ -z "$built" ]; then
		t_fail installed-modules "the dkms build made no module (log: ${log:-none})"
	else
		t_eq installed-modules "$got" "$built"
	fi
	for m in $got; do
		t_eq "vermagic-$m" "$(modinfo -k "$kver" -F vermagic "$m" 2>/dev/null | cut -d' ' -f1)" "$kver"
	done
	t_check status sh -c "dkms status -m vsoc -v '$ver' -k '$kver' | grep -q installed"
fi

t_check remove dkms remove -m vsoc -v "$ver" --all
if [ -n "${got-}" ]; then
	left=$(for m in $got; do find "/lib/modules/$kver/updates/dkms" -name "$m.ko*"; done 2>/dev/null)
	t_eq remove-cleans "$left" ""
fi

# The README's route: make KDIR=... then make KDIR=... install, in a copy
# of the tree, installed into a scratch root: the modules this build made
# (modules.order) land there, and they are those modules.mk allows.
cp -a "$top"/{Kbuild,Makefile,modules.mk,drivers,include} "$tmp/" 2>/dev/null
mkdir -p "$tmp/root"
t_check make-kdir make -C "$tmp" KDIR="$ksrc"
t_check make-kdir-install make -C "$tmp" KDIR="$ksrc" INSTALL_MOD_PATH="$tmp/root" install
made=$(sed 's/\.o$/.ko/' "$tmp/modules.order" 2>/dev/null | ko_set)
landed=$(find "$tmp/root/lib/modules/$kver" -name '*.ko*' 2>/dev/null | ko_set)
if [ -z "$made" ]; then
	t_fail make-kdir-installed-modules "the build made no module"
else
	t_eq make-kdir-installed-modules "$landed" "$made"
fi
if [ -r "$ksrc/.config" ]; then
	t_eq make-kdir-modules-mk "$made" "$(vsoc_modules_for "$ksrc/.config" | xargs)"
else
	t_fail make-kdir-modules-mk "no $ksrc/.config"
fi

t_eq real-install-untouched "$(others)" "$others0"
