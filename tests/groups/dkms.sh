#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# dkms add/build/install/remove of this tree against this machine's Debian
# kernel headers (linux-headers-amd64), as a board maker would use it.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/board/common.sh"
. "$top/tests/lib.sh"

"$top/tests/board/deps.sh" dkms || { t_fail deps "cannot install dkms and headers"; exit 0; }
kver=$(vsoc_host_kver)
ksrc=/usr/src/linux-headers-$kver
[ -d "$ksrc" ] || { t_fail headers "no headers for '$kver'"; exit 0; }
ver=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$top/dkms.conf")

dkms remove -m vsoc -v "$ver" --all >/dev/null 2>&1
rm -rf "/usr/src/vsoc-$ver"
mkdir -p "/usr/src/vsoc-$ver"
cp -a "$top"/{dkms.conf,Kbuild,Makefile,modules.mk,COPYING,drivers,include} "/usr/src/vsoc-$ver/"

t_check add dkms add -m vsoc -v "$ver"
t_check build dkms build -m vsoc -v "$ver" -k "$kver"
t_check install dkms install -m vsoc -v "$ver" -k "$kver"

# The modules dkms installed must be exactly those Kbuild builds for this
# kernel: the ones whose needed options its .config has.
want=$(sed -n 's/^\([a-z0-9-]*\)-needs *:= *\(.*\)/\1 \2/p' "$top/modules.mk" |
	while read -r m needs; do
		ok=1
		for o in $needs; do grep -qE "^$o=[ym]\$" "$ksrc/.config" || ok=0; done
		[ $ok = 1 ] && echo "$m"
	done | sort | tr '\n' ' ')
got=$(find "/lib/modules/$kver/updates/dkms" -name 'vsoc*.ko*' -printf '%f\n' 2>/dev/null |
	sed 's/\.ko.*//' | sort | tr '\n' ' ')
if [ -n "$want" ]; then t_eq installed-modules "$got" "$want"; else t_fail installed-modules "this kernel can carry no module"; fi
for m in $want; do
	t_eq "vermagic-$m" "$(modinfo -k "$kver" -F vermagic "$m" 2>/dev/null | cut -d' ' -f1)" "$kver"
done
t_check status sh -c "dkms status -m vsoc -v $ver -k $kver | grep -q installed"

t_check remove dkms remove -m vsoc -v "$ver" --all
left=$(find "/lib/modules/$kver/updates/dkms" -name 'vsoc*.ko*' 2>/dev/null)
t_eq remove-cleans "$left" ""
rm -rf "/usr/src/vsoc-$ver"
