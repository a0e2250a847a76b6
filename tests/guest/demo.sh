#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board: what "make demo" shows. Fails if a step fails.
set -euo pipefail
say() { printf '\n### %s\n' "$*"; }

say "the board: $(uname -srm)"
say "vsoc modules loaded"
lsmod | grep -E '^vsoc' | awk '{ print "  " $1 }'

say "blocks on the vsoc-sim bus and their drivers"
for d in /sys/bus/platform/devices/*; do
	[ -e "$d/of_node/compatible" ] || continue
	c=$(tr -d '\0' <"$d/of_node/compatible")
	case "$c" in vsoc,*) ;; *) continue ;; esac
	drv=$(basename "$(readlink -f "$d/driver" 2>/dev/null)" 2>/dev/null || true)
	printf '  %-28s %-12s driver: %s\n' "$(basename "$d")" "$c" "${drv:-none}"
done

say "driver log"
dmesg | grep -E 'vsoc[-_](sim|dummy)' | sed 's/^/  /'

dev=$(readlink -f /sys/bus/platform/drivers/vsoc-dummy/*dummy* | head -1)
say "vsoc-dummy: register round trip through the model"
echo 0xc0ffee >"$dev/scratch"
echo "  wrote 0xc0ffee, read $(cat "$dev/scratch")"
say "vsoc-dummy: an interrupt raised by the model, a DMA copy of 64 KiB"
echo 1 >/sys/kernel/debug/vsoc-sim/vsoc-sim/dummy@0/event
echo 65536 >"$dev/dma_test"
sleep 0.2
sed 's/^/  irq /' "$dev/irq_counts"
grep -E "$(basename "$dev")\$" /proc/interrupts | sed 's/^/  /'
say "demo done"
