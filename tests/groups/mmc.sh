#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# sdhci-vsoc, the eMMC host, on the board, two boards at a time:
#  - default DT (tests/guest/mmc-main.sh): HS400 enhanced strobe at
#    200 MHz and 1.8 V, EXT_CSD through mmc-utils, every DMA path, ext4
#    across a driver reload with fsck, the boot partitions, the
#    fall-back when the pads stay at 3.3 V, runtime PM, unbind and
#    unload under I/O; then an I/O supply without 1.8 V
#    (tests/mmc/vccq-3v3.dtso, tests/guest/mmc-fallback.sh): DDR52 at
#    3.3 V;
#  - enhanced strobe removed from the DT (tests/guest/mmc-hs400.sh):
#    HS400 after HS200 tuning, re-tuning when the window moves, fio
#    verified random writes clean and under each injected fault; then
#    the kernel's mmc_test on that board, case by case (re-tuning
#    included), tests/guest/mmc-test.sh; its throughput cases only with
#    VSOC_MMC_TEST_PERF=1 (half an hour under TCG).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/board/common.sh"
. "$top/tests/lib.sh"

"$top/tests/board/deps.sh" board || { t_fail deps "cannot install tools"; exit 0; }
work=$(mktemp -d "${TMPDIR:-/tmp}/vsoc-mmc.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$top/tests/board/modules.sh" >/dev/null || { t_fail modules "cannot build the modules"; exit 0; }
noes=(-x /vsoc-sim/mmc@3000:mmc-hs400-enhanced-strobe)
# mmc_test's throughput cases take minutes each: only on request.
perf=()
[ "${VSOC_MMC_TEST_PERF:-0}" = 1 ] && perf=(-a vsoc.mmc_test_perf=1)
(
	"$top/tests/board/run-guest.sh" tests/guest/mmc-main.sh
	"$top/tests/board/run-guest.sh" -d "$top/tests/mmc/vccq-3v3.dtso" \
		tests/guest/mmc-fallback.sh
) >"$work/main.log" 2>&1 &
(
	"$top/tests/board/run-guest.sh" "${noes[@]}" tests/guest/mmc-hs400.sh
	"$top/tests/board/run-guest.sh" "${noes[@]}" "${perf[@]}" tests/guest/mmc-test.sh
) >"$work/hs400.log" 2>&1
wait
cat "$work/main.log" "$work/hs400.log"
