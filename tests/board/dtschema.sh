#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Make (once) a small Debian unstable amd64 root holding dt-schema, new
# enough for the 6.12 bindings (bookworm's is too old, trixie has none),
# cached under $VSOC_CACHE/dtschema/<key>. Run its tools with chroot.
# Prints the root directory.
set -euo pipefail
. "$(dirname "$0")/common.sh"

pkgs=(dt-schema device-tree-compiler cpp)
"$VSOC_TOP/tests/board/deps.sh" board
key=$( { printf '%s\n' "${pkgs[@]}"; cat "$0"; } | sha256sum | cut -c1-12)
root="$VSOC_CACHE/dtschema/sid-amd64-$key"
if [ -f "$root/.vsoc-done" ]; then
	echo "$root"
	exit 0
fi

vsoc_log "making the dt-schema root (Debian unstable, about 10 s)"
tmp="$root.tmp"
rm -rf "$tmp"
mkdir -p "$(dirname "$root")"
# The archive copy reachable here may serve an expired unstable Release
# file; the signature is still checked.
mmdebstrap --variant=extract --arch=amd64 --format=directory \
	--aptopt='Acquire::Check-Valid-Until "false"' \
	--include="$(IFS=,; echo "${pkgs[*]}")" unstable "$tmp" >&2
for l in bin sbin lib lib64; do
	[ -e "$tmp/$l" ] || [ ! -e "$tmp/usr/$l" ] || ln -s "usr/$l" "$tmp/$l"
done
mkdir -p "$tmp"/{proc,dev,tmp,work}
touch "$tmp/.vsoc-done"
rm -rf "$root"
mv "$tmp" "$root"
echo "$root"
