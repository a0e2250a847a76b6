# SPDX-License-Identifier: GPL-2.0
# Shared settings of the virtual-board scripts; sourced, never run.

VSOC_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VSOC_CACHE=${VSOC_CACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/vsoc}
VSOC_FLAVOUR=${FLAVOUR:-debug}
VSOC_ARCH_CROSS=aarch64-linux-gnu-
VSOC_JOBS=${VSOC_JOBS:-$(nproc)}

# The board's machine: QEMU arm64 "virt" under TCG (KVM is not usable on
# the machines this runs on). cortex-a57: no pointer authentication, which
# TCG emulates slowly.
VSOC_MACHINE=(-M virt,gic-version=3 -cpu cortex-a57 -smp 2 -m 2G -nic none -display none)

vsoc_log() { printf '[vsoc] %s\n' "$*" >&2; }
vsoc_die() { printf '[vsoc] error: %s\n' "$*" >&2; exit 1; }

# Kernel source version: the Debian linux-source-6.12 package's.
vsoc_ksrc_version() {
	dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null
}

# Config fragments of a flavour, in application order.
vsoc_kconfig_fragments() {
	echo "$VSOC_TOP/tests/kernel/vsoc.config"
	[ "$VSOC_FLAVOUR" = kasan ] && echo "$VSOC_TOP/tests/kernel/kasan.config"
	return 0
}

# Revision of the kernel build recipe (tests/board/kernel.sh): bump it
# when a change there changes what gets built.
VSOC_KBUILD_REV=1

# The cache key of a test kernel: source version, fragments, recipe.
vsoc_kernel_key() {
	local h
	# shellcheck disable=SC2046
	h=$( { vsoc_ksrc_version; echo "$VSOC_KBUILD_REV"; } |
		vsoc_key $(vsoc_kconfig_fragments))
	echo "6.12-$VSOC_FLAVOUR-$h"
}

# Release of this machine's Debian kernel headers (linux-headers-amd64).
vsoc_host_kver() {
	dpkg-query -W -f='${Depends}' linux-headers-amd64 |
		sed -n 's/^linux-headers-\([^ ,]*\).*/\1/p'
}

vsoc_kernel_dir() { echo "$VSOC_CACHE/kernel/$(vsoc_kernel_key)"; }
vsoc_ksrc_dir() { echo "$VSOC_CACHE/src/$(vsoc_ksrc_version)/linux-source-6.12"; }

# vsoc_cached DIR BUILDER...: unless DIR is complete, run "BUILDER... TMP"
# to fill a fresh TMP, then move it to DIR in one step (an interrupted
# build leaves no half-made cache entry). Prints DIR.
vsoc_cached() {
	local dir=$1 tmp=$1.tmp
	shift
	if [ ! -f "$dir/.vsoc-done" ]; then
		rm -rf "$tmp"
		mkdir -p "$tmp"
		"$@" "$tmp" || vsoc_die "building $dir failed"
		touch "$tmp/.vsoc-done"
		rm -rf "$dir"
		mv "$tmp" "$dir"
	fi
	vsoc_prune "$dir"
	echo "$dir"
}

# vsoc_prune DIR: mark the cache entry DIR used now and delete its
# siblings that were not used for a week (old keys, never to be hit again).
vsoc_prune() {
	local old
	touch "$1/.vsoc-used"
	find "$(dirname "$1")" -mindepth 2 -maxdepth 2 -name .vsoc-used -mtime +7 |
		while read -r old; do
			vsoc_log "pruning unused cache entry $(dirname "$old")"
			rm -rf "$(dirname "$old")"
		done
}

# vsoc_key FILE...: short hash of files and standard input.
vsoc_key() {
	{ cat; cat "$@"; } | sha256sum | cut -c1-12
}
