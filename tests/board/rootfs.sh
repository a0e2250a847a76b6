#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Make (once) the Debian 13 "trixie" arm64 userspace of the virtual board
# with mmdebstrap's extract variant (no maintainer scripts run, so no
# emulation is needed) and cache it under $VSOC_CACHE/rootfs/<key>.
# Prints the root directory. Mirrors are mmdebstrap's and apt's defaults.
set -euo pipefail
. "$(dirname "$0")/common.sh"

pkgs=(
	bash coreutils util-linux mount grep sed gawk findutils procps psmisc
	kmod busybox less diffutils e2fsprogs iproute2 iputils-ping ethtool
	jq iperf3 fio mmc-utils v4l-utils gstreamer1.0-tools
	netsniff-ng tcpdump iputils-arping
	gstreamer1.0-plugins-base gstreamer1.0-plugins-good
	gstreamer1.0-plugins-bad
)

make_rootfs() {
	local tmp=$1

	vsoc_log "making trixie arm64 rootfs (under a minute) in $tmp"
	mmdebstrap --variant=extract --arch=arm64 --format=directory \
		--include="$(IFS=,; echo "${pkgs[*]}")" trixie "$tmp" >&2
	# What the extract variant leaves out: links that maintainer scripts
	# or update-alternatives would make, mount points (the root is
	# read-only 9p on the board), account files.
	[ -e "$tmp/usr/bin/sh" ] || ln -s bash "$tmp/usr/bin/sh"
	[ -e "$tmp/usr/bin/awk" ] || ln -s gawk "$tmp/usr/bin/awk"
	for l in bin sbin lib; do
		[ -e "$tmp/$l" ] || ln -s "usr/$l" "$tmp/$l"
	done
	mkdir -p "$tmp"/{proc,sys,dev,tmp,run,root,mnt,var/tmp,var/log,usr/lib/modules,vsoc,out,mnt/kernel,mnt/modules}
	echo 'root:x:0:0:root:/root:/bin/bash' >"$tmp/etc/passwd"
	echo 'root:x:0:' >"$tmp/etc/group"
	# tcpdump drops root to its own user, which its maintainer script adds.
	echo 'tcpdump:x:101:101::/nonexistent:/usr/sbin/nologin' >>"$tmp/etc/passwd"
	echo 'tcpdump:x:101:' >>"$tmp/etc/group"
	echo vsoc-board >"$tmp/etc/hostname"
	install -m 0755 "$VSOC_TOP/tests/board/vsoc-init" "$tmp/sbin/vsoc-init"
}

"$VSOC_TOP/tests/board/deps.sh" board
key=$(printf '%s\n' "${pkgs[@]}" | vsoc_key "$0" "$VSOC_TOP/tests/board/vsoc-init")
vsoc_cached "$VSOC_CACHE/rootfs/trixie-arm64-$key" make_rootfs
