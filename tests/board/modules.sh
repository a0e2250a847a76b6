#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build this tree's modules for the test kernel, W=1, in a copy of the
# tree under the cache (the tree itself stays free of arm64 objects, and
# make rebuilds only what changed). Prints a directory holding exactly
# the .ko files this build made (modules.order), for the board to load,
# and kunit-expected: one "<module> <suite>..." line for each KUnit module
# modules.mk gives the test kernel, with the suites it declares.
# Extra arguments are passed to make (e.g. C=2 for sparse).
set -euo pipefail
. "$(dirname "$0")/common.sh"

kdir=$("$VSOC_TOP/tests/board/kernel.sh")
obj="$VSOC_CACHE/obj/$(basename "$kdir")"
mkdir -p "$obj"
# Board runs in parallel (the harness group) share the build directory:
# one build at a time.
exec 9>"$obj.lock"
flock 9
# Only changed files are written (stamped now), so make rebuilds exactly
# what changed whatever the mtimes of the checkout.
rsync -rl --checksum --delete --exclude='*.o' --exclude='*.ko' --exclude='*.cmd' \
	--exclude='*.mod*' --exclude='.tmp*' --exclude=Module.symvers \
	--exclude=modules.order --exclude='*.dtbo' --exclude='*.dtbo.S' \
	"$VSOC_TOP"/{Kbuild,Makefile,modules.mk,drivers,include} "$obj/" >&2
# rsync deleted nothing it was told to exclude: drop objects of sources
# that are gone, so a removed file cannot linger in a module.
find "$obj/drivers" -name '*.o' | while read -r o; do
	case $o in
	*.dtbo.o) [ -e "${o%.dtbo.o}.dtso" ] || rm -f "$o" ;;
	*) [ -e "${o%.o}.c" ] || rm -f "$o" ;;
	esac
done

make --no-print-directory -C "$kdir" M="$obj" ARCH=arm64 CROSS_COMPILE="$VSOC_ARCH_CROSS" \
	W=1 KCFLAGS=-Werror -j"$VSOC_JOBS" "$@" modules >&2

# The build directory keeps the .ko files of modules renamed or removed
# since (make never deletes them), and the board loads every .ko it is
# given: hand out a directory of exactly this build's modules, one per
# content (a board still running keeps its own), unused ones pruned.
[ -r "$kdir/.config" ] || vsoc_die "no .config in $kdir"
load=$obj.load
mkdir -p "$load"
stage=$(mktemp -d "$load/.stage.XXXXXX")
chmod 755 "$stage"
trap 'rm -rf "$stage"' EXIT
while read -r o; do
	ko=${o%.o}.ko
	case "$ko" in /*) ;; *) ko=$obj/$ko ;; esac
	[ -f "$ko" ] || vsoc_die "modules.order names $o, but $ko was not built"
	cp "$ko" "$stage/"
done <"$obj/modules.order"
vsoc_modules_for "$kdir/.config" | grep -- '-kunit$' | while read -r m; do
	echo "$m $(vsoc_kunit_suites "$m")"
done >"$stage/kunit-expected"
dir=$load/$(cd "$stage" && find . -type f | sort | xargs sha256sum | sha256sum | cut -c1-12)
if [ -d "$dir" ]; then
	rm -rf "$stage"
else
	mv "$stage" "$dir"
fi
vsoc_prune "$dir"
echo "$dir"
