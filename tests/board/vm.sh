#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot the vsoc virtual board (arm64 QEMU "virt", TCG) with this tree's
# modules loaded.
#
#   vm.sh                 interactive shell on the board
#   vm.sh -c 'CMD'        run CMD (bash) on the board, print its output,
#                         exit with its status
#   vm.sh -o DIR ...      keep the run directory in DIR: cmd, rc, console,
#                         dmesg, tainted, lockdep_stats, kmemleak, verdict
#   vm.sh -d FILE.dtso    lay FILE over the board's device tree, after
#                         dts/vsoc-board.dtso (repeatable, in order)
#   vm.sh -x NODE:PROP    delete property PROP of NODE (a path) from the
#                         board's device tree, after the overlays
#                         (repeatable; a DT variant without a flag)
#   vm.sh -q ARG          append ARG to QEMU's command line (repeatable;
#                         extra devices of the benchmarks)
#   vm.sh -m DIR          also install DIR/*.ko in extra/ and load them at
#                         boot like the project's modules (harness tests)
#   vm.sh -a ARG          append ARG to the kernel command line (repeatable)
#   vm.sh -s DIR          share DIR read-write with the guest at /run/data
#                         (test streams in, decoded pictures out)
#
# Environment: VSOC_VM_TIMEOUT (seconds, 900), VSOC_KMEMLEAK=1 (boot with
# kmemleak=on, as FLAVOUR=kasan does), VSOC_VM_IMAGE (boot this kernel
# Image instead of the test kernel's).
#
# Exit status of a run with -c, first that applies:
#   122  the board could not be set up (kernel, rootfs, modules, DT)
#   124  the board did not finish: QEMU failed or stopped early, the
#        kernel crashed, the time ran out, or the guest never wrote its
#        end marker
#   125  a splat (tests/board/splat.sh) in the guest kernel log, the
#        console, the taint flags, lockdep's state or kmemleak's report
#   123  a project module failed to load at boot
#   else CMD's own status
# Each reason is printed as "[vsoc] ..." and written to DIR/verdict.
set -euo pipefail
. "$(dirname "$0")/common.sh"

cmd=
out=
dtsos=()
extra=
data=
kargs=()
dels=()
qargs=()
while getopts a:c:d:m:o:q:s:x: opt; do
	case $opt in
	a) kargs+=("$OPTARG") ;;
	c) cmd=$OPTARG ;;
	d) dtsos+=("$(realpath "$OPTARG")") ;;
	m) extra=$(realpath "$OPTARG") ;;
	o) out=$OPTARG ;;
	s) data=$(realpath "$OPTARG") ;;
	q) qargs+=("$OPTARG") ;;
	x) dels+=("$OPTARG") ;;
	*) exit 2 ;;
	esac
done

setup_failed() { vsoc_log "the board could not be set up: $*"; exit 122; }

kdir=$("$VSOC_TOP/tests/board/kernel.sh") || setup_failed "test kernel"
root=$("$VSOC_TOP/tests/board/rootfs.sh") || setup_failed "rootfs"
mods=$("$VSOC_TOP/tests/board/modules.sh") || setup_failed "modules"

if [ -z "$out" ]; then
	out=$(mktemp -d "${TMPDIR:-/tmp}/vsoc-run.XXXXXX")
	trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out"
rm -f "$out"/{cmd,rc,done,console,dmesg,tainted,lockdep_stats,kmemleak,kmemleak.err,modprobe-failed,verdict}
"$VSOC_TOP/tests/board/dtb.sh" "$out/board.dtb" "${dtsos[@]}" || setup_failed "device tree"
for d in "${dels[@]}"; do
	fdtput -d "$out/board.dtb" "${d%:*}" "${d##*:}" ||
		setup_failed "no property ${d##*:} in ${d%:*} to delete"
done

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
# shellcheck disable=SC2207
[ -n "$extra" ] && shares+=($(share extra "$extra" ro))
# shellcheck disable=SC2207
[ -n "$data" ] && shares+=($(share data "$data" rw))
# log_buf_len: the whole boot and run must fit in the ring buffer, so
# that the saved log starts with the boot banner (splat.sh checks).
# cma: room for the DMA-contiguous picture buffers of decoders (several
# contexts of 720p pictures; v4l2-compliance allocates many).
append="console=ttyAMA0 root=rootfs rootfstype=9p rootflags=trans=virtio,version=9p2000.L,msize=262144,cache=loose ro init=/sbin/vsoc-init panic=-1 quiet log_buf_len=16M cma=256M"
kmemleak=
if [ "$VSOC_FLAVOUR" = kasan ] || [ "${VSOC_KMEMLEAK:-0}" = 1 ]; then
	kmemleak=1
	append+=" kmemleak=on"
fi
[ ${#kargs[@]} -eq 0 ] || append+=" ${kargs[*]}"

qemu=(qemu-system-aarch64 "${VSOC_MACHINE[@]}" -no-reboot
	-kernel "${VSOC_VM_IMAGE:-$kdir/arch/arm64/boot/Image}"
	-dtb "$out/board.dtb" -append "$append" "${shares[@]}" "${qargs[@]}")

if [ -z "$cmd" ]; then
	exec "${qemu[@]}" -serial mon:stdio
fi

printf '%s\n' "$cmd" >"$out/cmd"
# The console goes to stdout and, whole, to DIR/console (splat.sh reads
# it too: a crash after the guest saved its log shows only there).
set +e
timeout --foreground "${VSOC_VM_TIMEOUT:-900}" \
	"${qemu[@]}" -monitor none -serial stdio </dev/null |
	tr -d '\r' | tee "$out/console" |
	grep --line-buffered -vE '^\[ *[0-9.]+\] (sysrq: Power Off|reboot: Power down)$'
st=("${PIPESTATUS[@]}")
set -e

verdict() { # status reason
	vsoc_log "$2"
	printf '%s %s\n' "$1" "$2" >>"$out/verdict"
}

status=
# The guest writes DIR/done after the command's status and every fact
# splat.sh needs: without it the run did not finish, whatever QEMU says.
if [ "${st[0]}" -eq 124 ]; then
	verdict 124 "the board timed out after ${VSOC_VM_TIMEOUT:-900} s"
elif [ "${st[0]}" -ne 0 ]; then
	verdict 124 "QEMU failed with status ${st[0]}: the board did not start or stopped early"
elif [ ! -f "$out/done" ] || [ ! -f "$out/rc" ]; then
	verdict 124 "the board did not finish the command (no end marker: kernel crash or early power-off; see the console above)"
fi
[ -f "$out/verdict" ] && status=124

splat_args=()
[ -n "$kmemleak" ] && splat_args+=(-k)
# A board that did not finish is checked too, for the cause it shows.
if [ -n "$status" ]; then
	"$VSOC_TOP/tests/board/splat.sh" -p "${splat_args[@]}" "$out" || true
elif ! "$VSOC_TOP/tests/board/splat.sh" "${splat_args[@]}" "$out"; then
	verdict 125 "splat in the guest (tests/board/splat.sh, see above)"
	status=125
fi

if [ -s "$out/modprobe-failed" ]; then
	verdict 123 "project modules failed to load at boot: $(tr '\n' ' ' <"$out/modprobe-failed")"
	status=${status:-123}
fi

exit "${status:-$(cat "$out/rc")}"
