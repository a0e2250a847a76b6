#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build this tree's modules for the test kernel, W=1, in a copy of the
# tree under the cache (the tree itself stays free of arm64 objects, and
# make rebuilds only what changed). Prints the directory of the .ko files.
# Extra arguments are passed to make (e.g. C=2 for sparse).
set -euo pipefail
. "$(dirname "$0")/common.sh"

kdir=$("$VSOC_TOP/tests/board/kernel.sh")
obj="$VSOC_CACHE/obj/$(basename "$kdir")"
mkdir -p "$obj"
# Only changed files are written (stamped now), so make rebuilds exactly
# what changed whatever the mtimes of the checkout.
rsync -rl --checksum --delete --exclude='*.o' --exclude='*.ko' --exclude='*.cmd' \
	--exclude='*.mod*' --exclude='.tmp*' --exclude=Module.symvers \
	--exclude=modules.order \
	"$VSOC_TOP"/{Kbuild,Makefile,modules.mk,drivers,include} "$obj/" >&2
# rsync deleted nothing it was told to exclude: drop objects of sources
# that are gone, so a removed file cannot linger in a module.
find "$obj/drivers" -name '*.o' | while read -r o; do
	[ -e "${o%.o}.c" ] || rm -f "$o"
done

make --no-print-directory -C "$kdir" M="$obj" ARCH=arm64 CROSS_COMPILE="$VSOC_ARCH_CROSS" \
	W=1 KCFLAGS=-Werror -j"$VSOC_JOBS" "$@" modules >&2
echo "$obj"
