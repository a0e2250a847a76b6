#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Prepare (once) an arm64 kernel tree that out-of-tree modules can be
# built against, configured like the board (tinyconfig + the fragments)
# and made with "modules_prepare" only, cached under $VSOC_CACHE/ktree.
# Prints the tree's build (O=) directory.
#
#   ktree.sh 6.1      Debian 12's linux-source-6.1
#   ktree.sh newest   the newest linux-source-* of Debian unstable, taken
#                     from an mmdebstrap extract of unstable (default
#                     mirrors) that is refreshed when a week old
set -euo pipefail
. "$(dirname "$0")/common.sh"

# Bump when a change here changes what gets prepared.
rev=1
which=${1:?usage: ktree.sh 6.1|newest}

# The source tarball and its Debian version, in $tarball and $version.
case $which in
6.1)
	"$VSOC_TOP/tests/board/deps.sh" board ktree
	tarball=/usr/src/linux-source-6.1.tar.xz
	version=$(dpkg-query -W -f='${Version}' linux-source-6.1)
	;;
newest)
	"$VSOC_TOP/tests/board/deps.sh" board
	sid=$VSOC_CACHE/ktree/sid-source
	if [ -z "$(find "$sid" -maxdepth 1 -name .vsoc-done -mtime -7 2>/dev/null)" ]; then
		vsoc_log "fetching the newest linux-source from Debian unstable"
		rm -rf "$sid.tmp"
		mmdebstrap --variant=extract --arch=amd64 --format=directory \
			--aptopt='Acquire::Check-Valid-Until "false"' \
			--include=linux-source unstable "$sid.tmp" >&2 ||
			vsoc_die "cannot fetch linux-source from unstable"
		rm -rf "$sid"
		mv "$sid.tmp" "$sid"
		touch "$sid/.vsoc-done"
	fi
	tarball=$(find "$sid/usr/src" -maxdepth 1 -name 'linux-source-*.tar.xz' | sort -V | tail -n 1)
	[ -n "$tarball" ] || vsoc_die "no linux-source tarball in $sid"
	pkg=$(basename "$tarball" .tar.xz)
	version=$(zcat "$sid/usr/share/doc/$pkg/changelog.Debian.gz" |
		sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p')
	[ -n "$version" ] || vsoc_die "cannot tell the version of $pkg"
	;;
*)
	vsoc_die "unknown tree '$which'"
	;;
esac

pkg=$(basename "$tarball" .tar.xz)
# shellcheck disable=SC2046
key=$( { echo "$version $rev"; } | vsoc_key $(vsoc_kconfig_fragments))
out=$VSOC_CACHE/ktree/${pkg#linux-source-}-$VSOC_FLAVOUR-$key
if [ -f "$out/.vsoc-done" ]; then
	vsoc_prune "$out"
	echo "$out"
	exit 0
fi

src=$VSOC_CACHE/src/$version/$pkg
if [ ! -f "$src/.vsoc-extracted" ]; then
	vsoc_log "extracting $tarball"
	rm -rf "$src"
	mkdir -p "$(dirname "$src")"
	tar -C "$(dirname "$src")" -xf "$tarball"
	touch "$src/.vsoc-extracted"
fi

vsoc_log "preparing $pkg ($version) for module builds in $out"
rm -rf "$out"
mkdir -p "$out"
log=$out/prepare.log
{
	vsoc_kconfigure "$src" "$out" &&
	vsoc_kmake "$src" "$out" modules_prepare &&
	# The overlays of KUnit suites are compiled with the tree's dtc.
	vsoc_kmake "$src" "$out" scripts_dtc
} >"$log" 2>&1 || { tail -n 30 "$log" >&2; vsoc_die "preparing $pkg failed; see $log"; }
touch "$out/.vsoc-done"
echo "$out"
