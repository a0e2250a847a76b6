#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot the vsoc virtual board (arm64 QEMU "virt", TCG) with this tree's
# modules loaded.
#
#   vm.sh                 interactive shell on the board
#   vm.sh -c 'CMD'        run CMD (bash) on the board, print its output,
#                         exit with its status
#   vm.sh -o DIR ...      keep the run directory (rc, dmesg, results) in DIR
#
# The guest's kernel log is saved as DIR/dmesg; lockdep, WARN, BUG and
# KASAN reports in it make the run fail (status 125), whatever CMD said.
set -euo pipefail
. "$(dirname "$0")/common.sh"

cmd=
out=
while getopts c:o: opt; do
	case $opt in
	c) cmd=$OPTARG ;;
	o) out=$OPTARG ;;
	*) exit 2 ;;
	esac
done

kdir=$("$VSOC_TOP/tests/board/kernel.sh")
root=$("$VSOC_TOP/tests/board/rootfs.sh")
mods=$("$VSOC_TOP/tests/board/modules.sh")

if [ -z "$out" ]; then
	out=$(mktemp -d "${TMPDIR:-/tmp}/vsoc-run.XXXXXX")
	trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out"
rm -f "$out"/{cmd,rc,dmesg}
"$VSOC_TOP/tests/board/dtb.sh" "$out/board.dtb"

# Caches the guest keeps across boots (GStreamer's plugin registry: a
# 20 s scan under TCG), per rootfs.
gcache=$VSOC_CACHE/guest/$(basename "$root")
mkdir -p "$gcache"

share() { # tag path ro|rw
	local ro=
	[ "$3" = ro ] && ro=,readonly=on
	echo "-fsdev local,id=$1,path=$2,security_model=none$ro"
	echo "-device virtio-9p-pci,fsdev=$1,mount_tag=$1"
}
# shellcheck disable=SC2207
shares=($(share rootfs "$root" ro) $(share vsoc "$VSOC_TOP" ro)
	$(share kernel "$kdir/modroot" ro) $(share modules "$mods" ro)
	$(share out "$out" rw) $(share cache "$gcache" rw))
append="console=ttyAMA0 root=rootfs rootfstype=9p rootflags=trans=virtio,version=9p2000.L,msize=262144,cache=loose ro init=/sbin/vsoc-init panic=-1 quiet"

qemu=(qemu-system-aarch64 "${VSOC_MACHINE[@]}" -no-reboot -kernel "$kdir/arch/arm64/boot/Image"
	-dtb "$out/board.dtb" -append "$append" "${shares[@]}")

if [ -z "$cmd" ]; then
	exec "${qemu[@]}" -serial mon:stdio
fi

printf '%s\n' "$cmd" >"$out/cmd"
timeout --foreground "${VSOC_VM_TIMEOUT:-900}" \
	"${qemu[@]}" -monitor none -serial stdio </dev/null |
	tr -d '\r' | { grep --line-buffered -vE '^\[ *[0-9.]+\] (sysrq: Power Off|reboot: Power down)$' || true; }
if [ ! -f "$out/rc" ]; then
	vsoc_log "the board did not finish the command (crash or timeout)"
	exit 124
fi
rc=$(cat "$out/rc")
if "$VSOC_TOP/tests/board/splat.sh" "$out/dmesg"; then
	exit "$rc"
fi
exit 125
