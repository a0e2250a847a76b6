#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Fail (status 1) if a guest kernel log holds a splat: lockdep, WARN, BUG,
# Oops, KASAN, kmemleak, UBSAN, SLUB corruption, RCU stall, hung task,
# soft lockup, DMA-API misuse, sleeping in atomic.
# The offending lines are printed.
set -u
pat='WARNING:|BUG:|\] BUG [^ ]+ \(|Oops|Kernel panic|possible circular locking|possible recursive locking|inconsistent lock state|lock held when returning|suspicious RCU usage|INFO: task .* blocked|rcu_.*detected stall|KASAN|kmemleak: [1-9]|UBSAN|sleeping function called from invalid context|ODEBUG|list_(add|del) corruption|Unable to handle kernel'
if [ ! -s "${1:-}" ]; then
	echo "[vsoc] splat check: no kernel log at ${1:-?}" >&2
	exit 1
fi
if grep -E -n -A20 "$pat" "$1" >&2; then
	echo "[vsoc] splat in the guest kernel log ($1)" >&2
	exit 1
fi
exit 0
