#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The board's device tree: QEMU's own for the machine of VSOC_MACHINE (common.sh),
# with dts/vsoc-board.dtso laid over it, then each EXTRA.dtso in order
# (vm.sh -d). Usage: dtb.sh OUT.dtb [EXTRA.dtso...]
set -euo pipefail
. "$(dirname "$0")/common.sh"

out=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$VSOC_TOP/tests/board/deps.sh" board
qemu-system-aarch64 "${VSOC_MACHINE[@]}" -machine dumpdtb="$tmp/virt.dtb" >"$tmp/log" 2>&1 ||
	{ cat "$tmp/log" >&2; vsoc_die "cannot dump QEMU's device tree"; }
dtbos=()
n=0
for dtso in "$VSOC_TOP/dts/vsoc-board.dtso" "$@"; do
	n=$((n + 1))
	dtc -q -@ -I dts -O dtb -o "$tmp/$n.dtbo" "$dtso" || vsoc_die "cannot compile $dtso"
	dtbos+=("$tmp/$n.dtbo")
done
fdtoverlay -i "$tmp/virt.dtb" -o "$out" "${dtbos[@]}" || vsoc_die "cannot apply the overlays ${*:-}"
