#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board: the vsoc-sim plumbing seen from userspace. A child of
# vsoc-sim probes from DT, its registers round-trip through its model, the
# model's interrupts and DMA reach the driver, and every piece can be
# unbound, unloaded and brought back.
. /vsoc/tests/lib.sh

plat=/sys/bus/platform
simdrv=$plat/drivers/vsoc-sim
drv=$plat/drivers/vsoc-dummy

t_eq arch "$(uname -m)" aarch64

sim=$(basename "$(readlink -f "$simdrv"/*vsoc-sim* 2>/dev/null)")
if [ -z "$sim" ] || [ ! -e "$simdrv/$sim" ]; then
	t_fail sim-probed "no device bound to vsoc-sim"
	exit 0
fi
t_pass sim-probed

dummy_dev() { # the bound vsoc-dummy device, if any
	local d
	for d in "$drv"/*; do
		[ -e "$d/of_node" ] && { readlink -f "$d"; return; }
	done
}

dummy_bound() { [ -n "$(dummy_dev)" ]; }

dev=$(dummy_dev)
if [ -z "$dev" ]; then
	t_fail dummy-probed "vsoc-dummy did not bind (see dmesg)"
	dmesg | grep -i vsoc
	exit 0
fi
t_pass dummy-probed
t_eq dummy-of-node "$(tr -d '\0' <"$dev/of_node/compatible")" vsoc,dummy
t_eq dummy-parent "$(basename "$(dirname "$dev")")" "$sim"

# Registers: the driver's regmap write must land in the model's state,
# which the board's own regmap view (debugfs) reads back independently.
echo 0x1234abcd >"$dev/scratch"
t_eq reg-round-trip "$(cat "$dev/scratch")" 0x1234abcd
regs=$(ls -d /sys/kernel/debug/regmap/*"$sim"*dummy@0 2>/dev/null | head -1)
t_eq reg-model-state "$(grep '^08:' "$regs/registers" 2>/dev/null)" "08: 1234abcd"
t_eq reg-model-id "$(grep '^00:' "$regs/registers" 2>/dev/null)" "00: 76734430"
if echo nonsense >"$dev/scratch" 2>/dev/null; then
	t_fail reg-bad-input "a non-number was accepted"
else
	t_pass reg-bad-input
fi

# Interrupts: the probe-time software interrupt, then one raised by the
# model on its own, as an outside event.
count() { sed -n "s/^$1 //p" "$dev/irq_counts"; }
swi=$(count swi)
if [ "${swi:-0}" -ge 1 ]; then t_pass irq-swi-at-probe; else t_fail irq-swi-at-probe "swi count ${swi:-none}"; fi
ev0=$(count event)
echo 1 >"/sys/kernel/debug/vsoc-sim/$sim/dummy@0/event"
if wait_for 5 '[ "$(count event)" -eq $((ev0 + 1)) ]'; then
	t_pass irq-model-event
else
	t_fail irq-model-event "event count $(count event), want $((ev0 + 1))"
fi
irqline=$(grep -E "[[:space:]]$(basename "$dev")\$" /proc/interrupts)
total=$(echo "$irqline" | awk '{ print $2 + $3 }')
if [ "${total:-0}" -ge 2 ]; then t_pass irq-proc-interrupts; else t_fail irq-proc-interrupts "line: '$irqline'"; fi

# DMA: the model copies between two coherent buffers of the driver.
xfers=/sys/kernel/debug/vsoc-sim/$sim/dummy@0/transfers
x0=$(cat "$xfers")
for len in 1 4096 12345 1048576; do
	t_check "dma-copy-$len" sh -c "echo $len >$dev/dma_test"
done
t_eq dma-model-transfers "$(cat "$xfers")" $((x0 + 4))
done0=$(count dma_done)
for len in 0 1048577; do
	if echo $len >"$dev/dma_test" 2>/dev/null; then
		t_fail "dma-bad-length-$len" "accepted"
	else
		t_pass "dma-bad-length-$len"
	fi
done
t_eq dma-done-irqs "$(count dma_done)" "$done0"
# A transfer that reaches no memory is a bus error: DMA_ERR, EIO, no splat.
err0=$(count dma_err)
echo 1 >"/sys/kernel/debug/vsoc-sim/$sim/dummy@0/stuck_addr_line"
if echo 4096 >"$dev/dma_test" 2>"/tmp/dma_fault.err"; then
	t_fail dma-bus-error "the transfer succeeded"
else
	t_check dma-bus-error grep -q 'Input/output error' /tmp/dma_fault.err
fi
t_eq dma-bus-error-irq "$(count dma_err)" $((err0 + 1))
t_check dma-after-bus-error sh -c "echo 4096 >$dev/dma_test"

# Lifecycle: unbind/bind the driver, reload the model, unbind the board.
name=$(basename "$dev")
echo "$name" >"$drv/unbind"
t_eq unbind-driver "$(dummy_dev)" ""
echo "$name" >"$drv/bind"
t_check rebind-driver dummy_bound

t_check model-unload modprobe -r vsoc-dummy-model
t_check model-unload-removes-device test ! -e "$plat/devices/$name"
t_check model-reload modprobe vsoc-dummy-model
t_check model-reload-probes wait_for 5 dummy_bound
dev=$(dummy_dev)
[ -n "$dev" ] && t_check model-reload-dma sh -c "echo 4096 >$dev/dma_test"

echo "$sim" >"$simdrv/unbind"
t_check sim-unbind-removes-blocks test ! -e "$plat/devices/$name"
echo "$sim" >"$simdrv/bind"
t_check sim-rebind-probes wait_for 5 dummy_bound

# Every project module the board loaded: drivers, then the models they
# sit on, then the board; back in the opposite order.
mods=$(find "/lib/modules/$(uname -r)/extra" -name '*.ko' -printf '%f\n' |
	sed 's/\.ko$//' | grep -v -- '-kunit$' | sort)
models=$(echo "$mods" | grep -- '-model$' | xargs)
drivers=$(echo "$mods" | grep -v -- '-model$' | grep -vx vsoc-sim | xargs)
# shellcheck disable=SC2086
t_check unload-all modprobe -r $drivers $models vsoc-sim
t_check unload-all-gone sh -c "! grep -E '^(vsoc_|vsoc-)' /proc/modules"
# shellcheck disable=SC2086
t_check reload-all sh -c "modprobe vsoc-sim && modprobe -a $models && modprobe -a $drivers"
t_check reload-all-probes wait_for 5 dummy_bound
t_done
