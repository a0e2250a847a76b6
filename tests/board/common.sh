# SPDX-License-Identifier: GPL-2.0
# Shared settings of the virtual-board scripts; sourced, never run.

VSOC_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VSOC_CACHE=${VSOC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/vsoc}
VSOC_FLAVOUR=${FLAVOUR:-debug}
VSOC_ARCH_CROSS=aarch64-linux-gnu-
VSOC_JOBS=${VSOC_JOBS:-$(nproc)}

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

# The cache key of a test kernel: source version + fragments + build script.
vsoc_kernel_key() {
	local h
	h=$( { vsoc_ksrc_version; cat $(vsoc_kconfig_fragments) \
		"$VSOC_TOP/tests/board/kernel.sh"; } | sha256sum | cut -c1-12)
	echo "6.12-$VSOC_FLAVOUR-$h"
}

vsoc_kernel_dir() { echo "$VSOC_CACHE/kernel/$(vsoc_kernel_key)"; }
vsoc_ksrc_dir() { echo "$VSOC_CACHE/src/$(vsoc_ksrc_version)/linux-source-6.12"; }
