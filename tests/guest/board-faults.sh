#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board: the dummy block's fault paths, as the template every
# later driver copies. A DMA transfer that outlives the driver's timeout
# is aborted and waited for before its buffers are freed; the engine then
# takes the next transfer, whose completion is the only one counted. The
# model's fault-injection files refuse bad input and never race the
# engine.
. /vsoc/tests/lib.sh

drv=/sys/bus/platform/drivers/vsoc-dummy
dev=
for d in "$drv"/*; do
	[ -e "$d/of_node" ] && dev=$(readlink -f "$d") && break
done
if [ -z "$dev" ]; then
	t_fail dummy-bound "no vsoc-dummy device is bound"
	exit 0
fi
sim=$(basename "$(dirname "$dev")")
dbg=/sys/kernel/debug/vsoc-sim/$sim/$(basename "$(readlink -f "$dev/of_node")")
regs=$(ls -d /sys/kernel/debug/regmap/*"$sim"*dummy@0 2>/dev/null | head -1)
count() { sed -n "s/^$1 //p" "$dev/irq_counts"; }
reg() { sed -n "s/^$1: //p" "$regs/registers"; }

t_eq stall-default "$(cat "$dbg/stall_ms")" 0
for bad in -1 4294967296 nonsense; do
	if echo "$bad" >"$dbg/stall_ms" 2>/dev/null; then
		t_fail "stall-refuses-$bad" "accepted"
	else
		t_pass "stall-refuses-$bad"
	fi
done
t_eq stall-unchanged "$(cat "$dbg/stall_ms")" 0

# A stall shorter than the driver's 2 s timeout only slows a transfer.
x0=$(cat "$dbg/transfers")
done0=$(count dma_done)
echo 300 >"$dbg/stall_ms"
t_check dma-stalled-completes sh -c "echo 4096 >$dev/dma_test"
t_eq dma-stalled-counted "$(cat "$dbg/transfers")" $((x0 + 1))

# A stall past it: the driver times out, aborts, and waits for the
# engine to stop before it frees the buffers.
echo 5000 >"$dbg/stall_ms"
if echo 65536 >"$dev/dma_test" 2>/tmp/timeout.err; then
	t_fail dma-timeout "the transfer succeeded"
else
	t_check dma-timeout grep -q 'timed out' /tmp/timeout.err
fi
t_eq dma-timeout-aborted "$(reg 38)" 00000004
t_eq dma-timeout-no-transfer "$(cat "$dbg/transfers")" $((x0 + 1))
t_eq dma-timeout-no-irq "$(count dma_done)" $((done0 + 1))

# The engine takes the next transfer at once; exactly one more DONE.
echo 0 >"$dbg/stall_ms"
t_check dma-after-abort sh -c "echo 1048576 >$dev/dma_test"
t_eq dma-after-abort-status "$(reg 38)" 00000000
t_eq dma-after-abort-irqs "$(count dma_done)" $((done0 + 2))
t_eq dma-after-abort-transfers "$(cat "$dbg/transfers")" $((x0 + 2))

# Fault injection written while transfers run: each faulty transfer
# fails alone, every other one succeeds, nothing else happens.
err0=$(count dma_err)
fails=0
for i in 1 2 3 4 5 6; do
	[ $((i % 2)) -eq 0 ] && echo 1 >"$dbg/stuck_addr_line"
	echo 65536 >"$dev/dma_test" 2>/dev/null || fails=$((fails + 1))
done
t_eq stuck-line-fails "$fails" 3
t_eq stuck-line-err-irqs "$(count dma_err)" $((err0 + 3))
t_eq stuck-line-spent "$(cat "$dbg/stuck_addr_line")" 0

# Unloading the model while a transfer is stalled: the driver is unbound
# first (its pending write fails), then the model stops the engine.
echo 5000 >"$dbg/stall_ms"
(echo 65536 >"$dev/dma_test") 2>/dev/null &
bg=$!
sleep 0.5
t_check unload-model-stalled modprobe -r vsoc-dummy-model
wait $bg
t_check reload-model modprobe vsoc-dummy-model
t_check reload-model-probes sh -c "ls -d $drv/*/of_node"
t_done
