#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Make (once) a small Debian unstable amd64 root holding dt-schema, new
# enough for the 6.12 bindings (bookworm's is too old, trixie has none),
# cached under $VSOC_CACHE/dtschema/<key>. Run its tools with chroot.
# Prints the root directory.
set -euo pipefail
. "$(dirname "$0")/common.sh"

pkgs=(dt-schema)

make_dtschema() {
	local tmp=$1

	vsoc_log "making the dt-schema root (Debian unstable, about 10 s)"
	# The archive copy reachable here may serve an expired unstable
	# Release file; the signature is still checked.
	mmdebstrap --variant=extract --arch=amd64 --format=directory \
		--aptopt='Acquire::Check-Valid-Until "false"' \
		--include="$(IFS=,; echo "${pkgs[*]}")" unstable "$tmp" >&2
	for l in bin sbin lib lib64; do
		[ -e "$tmp/$l" ] || [ ! -e "$tmp/usr/$l" ] || ln -s "usr/$l" "$tmp/$l"
	done
	mkdir -p "$tmp"/{proc,dev,tmp,work}
}

"$VSOC_TOP/tests/board/deps.sh" board
key=$(printf '%s\n' "${pkgs[@]}" | vsoc_key "$0")
vsoc_cached "$VSOC_CACHE/dtschema/sid-amd64-$key" make_dtschema
