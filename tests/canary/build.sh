#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the harness canary module (vsoc-canary.ko) for the board's test
# kernel, W=1 -Werror, in a copy under the cache. Prints the directory of
# the .ko, for tests/board/vm.sh -m.
set -euo pipefail
. "$(dirname "$0")/../board/common.sh"

kdir=$("$VSOC_TOP/tests/board/kernel.sh")
obj="$VSOC_CACHE/obj/canary-$(basename "$kdir")"
mkdir -p "$obj"
rsync -rl --checksum "$VSOC_TOP"/tests/canary/{Kbuild,vsoc-canary.c} "$obj/" >&2
make --no-print-directory -C "$kdir" M="$obj" ARCH=arm64 CROSS_COMPILE="$VSOC_ARCH_CROSS" \
	W=1 KCFLAGS=-Werror modules >&2
echo "$obj"
