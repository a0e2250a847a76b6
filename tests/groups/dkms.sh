#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# dkms add/build/install/remove of this tree against this machine's Debian
# kernel headers, as a board maker would use it: Debian 12's own kernel
# (linux-headers-amd64, 6.1) and the 6.12 kernel Debian 12 also carries
# (linux-headers-6.12.*+deb12-amd64, the newest, installed on first use).
# Then the README's other route, "make KDIR=... install".
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
# /lib/modules/KVER directories this test made for kernels whose headers
# it only unpacked (dkms installs only for a kernel it finds there).
made_moddirs=()
cleanup() {
	local d
	dkms remove -m vsoc -v "$ver" --all >/dev/null 2>&1
	# The version is the test's own: whatever dkms kept of it goes too.
	rm -rf "$src" "$tmp" "/var/lib/dkms/vsoc/$ver"
	for d in "${made_moddirs[@]}"; do rm -rf "$d"; done
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

# The newest 6.12 headers Debian 12 carries for this machine, unpacked
# (not installed: the package depends on its kernel image, which a test
# must not put into /boot) under the cache. Prints "KVER DIR", or nothing
# if the archive has none.
headers612() {
	local pkg abi root tmpd d
	pkg=$(apt-cache search --names-only '^linux-headers-6\.12\.[0-9]+\+deb12-amd64$' |
		cut -d' ' -f1 | sort -V | tail -n 1)
	[ -n "$pkg" ] || return 0
	abi=${pkg#linux-headers-}
	abi=${abi%-amd64}
	root=$VSOC_CACHE/hostheaders/$abi
	if [ ! -f "$root/.vsoc-done" ]; then
		vsoc_log "unpacking $pkg for the dkms test"
		tmpd=$(mktemp -d)
		chmod 755 "$tmpd"
		rm -rf "$root.tmp"
		mkdir -p "$root.tmp"
		(cd "$tmpd" && apt-get download -q "$pkg" "linux-headers-$abi-common" \
			"linux-kbuild-$abi" >&2) || { rm -rf "$tmpd"; return 1; }
		for d in "$tmpd"/*.deb; do dpkg -x "$d" "$root.tmp" || return 1; done
		rm -rf "$tmpd"
		# Its Makefile includes the common part by absolute path.
		sed -i "s|/usr/src/|$root/usr/src/|" "$root.tmp/usr/src/$pkg/Makefile"
		sed -i "s|$root.tmp/|$root/|" "$root.tmp/usr/src/$pkg/Makefile"
		rm -rf "$root"
		mv "$root.tmp" "$root"
		touch "$root/.vsoc-done"
	fi
	vsoc_prune "$root"
	echo "$abi-amd64 $root/usr/src/$pkg"
}

t_check add dkms add -m vsoc -v "$ver"

# dkms_kernel KVER [HEADERS]: build, install and check the modules for
# kernel KVER (its headers in HEADERS if not installed); results are named
# KVER/...
dkms_kernel() {
	local k=$1 hdr=${2:-/usr/src/linux-headers-$1} log built got m

	# A kernel whose headers were only unpacked gets, for the test, the
	# /lib/modules directory an installed kernel has (dkms looks there).
	if [ $# -ge 2 ] && [ ! -e "/lib/modules/$k" ]; then
		mkdir -p "/lib/modules/$k/kernel"
		ln -s "$hdr" "/lib/modules/$k/build"
		made_moddirs+=("/lib/modules/$k")
	fi
	t_check "$k/build" dkms build -m vsoc -v "$ver" -k "$k"
	if dkms status -m vsoc -k "$k" 2>/dev/null | grep -vF "vsoc/$ver" | grep -q installed; then
		t_skip "$k/install" "another version of vsoc is installed for $k"
		return
	fi
	t_check "$k/install" dkms install -m vsoc -v "$ver" -k "$k"

	# What dkms installed must be exactly what the dkms build made
	# (its make.log's "LD [M] ....ko" lines), and at least one module.
	log=$(find "/var/lib/dkms/vsoc/$ver/$k" -name make.log | head -n 1)
	built=$(grep -E '^ *LD \[M\] .*\.ko$' "${log:-/dev/null}" | ko_set)
	got=$(find "/lib/modules/$k/updates/dkms" -name 'vsoc*.ko*' 2>/dev/null | ko_set)
	if [ -z "$built" ]; then
		t_fail "$k/installed-modules" "the dkms build made no module (log: ${log:-none})"
	else
		t_eq "$k/installed-modules" "$got" "$built"
	fi
	if [ -r "$hdr/.config" ]; then
		t_eq "$k/modules-mk" "$built" "$(vsoc_modules_for "$hdr/.config" | xargs)"
	else
		t_fail "$k/modules-mk" "no $hdr/.config"
	fi
	for m in $got; do
		t_eq "$k/vermagic-$m" "$(modinfo -k "$k" -F vermagic "$m" 2>/dev/null | cut -d' ' -f1)" "$k"
	done
	t_check "$k/status" sh -c "dkms status -m vsoc -v '$ver' -k '$k' | grep -q installed"
	installed+=("$k:$got")
}

installed=()
dkms_kernel "$kver"
if k612=$(headers612); then
	if [ -n "$k612" ]; then
		# shellcheck disable=SC2086
		dkms_kernel $k612
	else
		t_skip 6.12-headers "Debian's archive has no linux-headers-6.12.*+deb12-amd64 here"
	fi
else
	t_fail 6.12-headers "cannot fetch Debian 12's 6.12 headers"
fi

t_check remove dkms remove -m vsoc -v "$ver" --all
for kg in "${installed[@]}"; do
	k=${kg%%:*}
	left=$(for m in ${kg#*:}; do find "/lib/modules/$k/updates/dkms" -name "$m.ko*"; done 2>/dev/null)
	t_eq "$k/remove-cleans" "$left" ""
done

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
