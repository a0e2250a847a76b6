#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build (once) the arm64 test kernel of the virtual board from Debian's
# linux-source-6.12, configured from tinyconfig + tests/kernel/*.config,
# and cache it under $VSOC_CACHE/kernel/<key>. Prints the build directory.
# Resumable: an interrupted build continues where make left off.
set -euo pipefail
. "$(dirname "$0")/common.sh"

"$VSOC_TOP/tests/board/deps.sh" board

kdir=$(vsoc_kernel_dir)
if [ -f "$kdir/.vsoc-done" ]; then
	vsoc_prune "$kdir"
	echo "$kdir"
	exit 0
fi

src=$(vsoc_ksrc_dir)
if [ ! -f "$src/.vsoc-extracted" ]; then
	vsoc_log "extracting /usr/src/linux-source-6.12.tar.xz"
	rm -rf "$src"
	mkdir -p "$(dirname "$src")"
	tar -C "$(dirname "$src")" -xf /usr/src/linux-source-6.12.tar.xz
	touch "$src/.vsoc-extracted"
fi

mkdir -p "$kdir"
log="$kdir/build.log"
if [ ! -f "$kdir/.vsoc-configured" ]; then
	vsoc_log "configuring test kernel $(basename "$kdir")"
	vsoc_kconfigure "$src" "$kdir" >"$log" 2>&1
	# Every requested option must have survived: a silently dropped
	# option would make a test skip or pass for the wrong reason.
	bad=0
	for f in $(vsoc_kconfig_fragments); do
		while IFS= read -r line; do
			case "$line" in CONFIG_*=*) ;; *) continue ;; esac
			grep -qxF "$line" "$kdir/.config" || {
				vsoc_log "kernel config: $line not set (got: $(grep -E "^(# )?${line%%=*}[= ]" "$kdir/.config" || echo unset))"
				bad=1
			}
		done <"$f"
	done
	[ $bad -eq 0 ] || vsoc_die "test kernel config does not hold the fragment; see above"
	touch "$kdir/.vsoc-configured"
fi

vsoc_log "building test kernel in $kdir (about 5-10 min on 2 cores; log: $log)"
vsoc_kmake "$src" "$kdir" Image modules 2>&1 | tee -a "$log" |
	awk '/^  CC /{n++; if (n % 500 == 0) { printf "[vsoc] kernel: %d files compiled\n", n; fflush() } }' >&2
[ "${PIPESTATUS[0]}" -eq 0 ] || vsoc_die "kernel build failed; see $log"
rm -rf "$kdir/modroot"
vsoc_kmake "$src" "$kdir" -s INSTALL_MOD_PATH="$kdir/modroot" modules_install >>"$log" 2>&1
touch "$kdir/.vsoc-done"
vsoc_log "test kernel ready: $kdir"
echo "$kdir"
