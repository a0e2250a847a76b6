#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The board's device tree: QEMU's own for the machine of VSOC_MACHINE (common.sh),
# with dts/vsoc-board.dtso laid over it. Usage: dtb.sh OUT.dtb
set -euo pipefail
. "$(dirname "$0")/common.sh"

out=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$VSOC_TOP/tests/board/deps.sh" board
qemu-system-aarch64 "${VSOC_MACHINE[@]}" -machine dumpdtb="$tmp/virt.dtb" >"$tmp/log" 2>&1 ||
	{ cat "$tmp/log" >&2; vsoc_die "cannot dump QEMU's device tree"; }
dtc -q -@ -I dts -O dtb -o "$tmp/board.dtbo" "$VSOC_TOP/dts/vsoc-board.dtso"
fdtoverlay -i "$tmp/virt.dtb" -o "$out" "$tmp/board.dtbo"
