#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Cross-build the board's vsoc-vdec test tools (the board has no
# compiler): static arm64 binaries, into OUTDIR, never into the tree.
# Idempotent: a tool is rebuilt only when its source, the compiler or
# the flags changed (a key file next to it says which it was built from).
# Usage: build-tools.sh OUTDIR
#
# Needs gcc-aarch64-linux-gnu with libc6-dev-arm64-cross and its
# linux-libc-dev-arm64-cross (the uapi headers: stateless MPEG-2 and FWHT
# controls); the missing ones are installed with apt.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/board/common.sh"

[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
out=$1
mkdir -p "$out"

"$top/tests/board/deps.sh" board
want=()
for p in libc6-dev-arm64-cross linux-libc-dev-arm64-cross; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || want+=("$p")
done
if [ ${#want[@]} -gt 0 ]; then
	vsoc_log "installing host packages: ${want[*]}"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		"${want[@]}" >&2 || vsoc_die "cannot install ${want[*]}"
fi

cc=aarch64-linux-gnu-gcc
cflags=(-static -O2 -Wall -Wextra -Werror)
for tool in vdec-fuzz; do
	src=$top/tests/vdec/$tool.c
	key=$({ "$cc" --version | head -n 1; echo "${cflags[*]}"; \
		dpkg-query -W -f='${Version}' linux-libc-dev-arm64-cross libc6-dev-arm64-cross; } |
		vsoc_key "$src")
	if [ -x "$out/$tool" ] && [ "$(cat "$out/.$tool.key" 2>/dev/null)" = "$key" ]; then
		continue
	fi
	vsoc_log "building $tool (static arm64)"
	rm -f "$out/.$tool.key"
	nice "$cc" "${cflags[@]}" -o "$out/$tool.tmp" "$src" || vsoc_die "building $tool failed"
	mv "$out/$tool.tmp" "$out/$tool"
	echo "$key" >"$out/.$tool.key"
done
