#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board (HS400 with tuning, see tests/groups/mmc.sh): the kernel's
# mmc_test (CONFIG_MMC_TEST) bound to the card, every test case run one
# by one. A case passes when mmc_test says
# OK; a case mmc_test finds unsupported is a skip only when
# Documentation/vsoc-sdhci.rst lists it as not applicable (with the
# reason), and a failure otherwise. The throughput cases are skipped
# unless the board booted with vsoc.mmc_test_perf=1 (make check-mmc
# VSOC_MMC_TEST_PERF=1). mmc_test overwrites the card.
. /vsoc/tests/lib.sh
. /vsoc/tests/guest/mmc-lib.sh

if ! mmc_wait_card 30; then
	t_fail card "no $MMC_DEV"
	t_done
	exit 0
fi
host=$(mmc_host)
card=$(basename "$(ls -d /sys/bus/mmc/devices/"$host":* | head -n 1)")
modprobe mmc_test
echo "$card" >/sys/bus/mmc/drivers/mmcblk/unbind
if ! echo "$card" >/sys/bus/mmc/drivers/mmc_test/bind; then
	t_fail bind "cannot bind $card to mmc_test"
	t_done
	exit 0
fi
t_pass bind
dir=/sys/kernel/debug/$host/$card
doc=/vsoc/Documentation/vsoc-sdhci.rst
# "    na N  REASON" lines of the driver guide.
na_reason() { sed -n "s/^    na $1 \+//p" "$doc"; }

n=0
while IFS=: read -r num name; do
	num=${num// /}
	# 0 is "run all tests".
	[ "$num" = 0 ] && continue
	name=$(echo "$name" | sed 's/^[[:space:]]*//; s/[^A-Za-z0-9]\+/-/g; s/-$//')
	[ -n "$num" ] || continue
	n=$((n + 1))
	# The throughput cases run for minutes each under TCG (the random
	# ones 10 s per transfer size by design): make check leaves them out.
	case $name in
	*performance* | Large-sequential*)
		if ! grep -qw vsoc.mmc_test_perf=1 /proc/cmdline; then
			t_skip "$num-$name" "a throughput measurement, minutes under TCG: VSOC_MMC_TEST_PERF=1 runs it"
			continue
		fi ;;
	esac
	t0=$(date +%s)
	logn=$(dmesg | wc -l)
	echo "$num" >"$dir/test"
	echo "mmc_test $num: $(($(date +%s) - t0)) s"
	res=$(sed -n "s/^Test $num: //p" "$dir/test" | tail -n 1)
	reason=$(na_reason "$num")
	# A case mmc_test cannot run here it reports as OK, saying so.
	dmesg | tail -n +"$((logn + 1))" | grep -q 'test skipped' && res=skipped
	case $res in
	skipped)
		if [ -n "$reason" ]; then
			t_skip "$num-$name" "not applicable: $reason"
		else
			t_fail "$num-$name" "mmc_test skipped it and the driver guide does not list it"
		fi ;;
	0)
		if [ -n "$reason" ]; then
			t_fail "$num-$name" "passes, but the driver guide lists it as not applicable"
		else
			t_pass "$num-$name"
		fi ;;
	2 | 3)
		if [ -n "$reason" ]; then
			t_skip "$num-$name" "not applicable: $reason"
		else
			t_fail "$num-$name" "unsupported (by the $([ "$res" = 2 ] && echo host || echo card)) and not listed in the driver guide"
		fi ;;
	*) t_fail "$num-$name" "mmc_test result '${res:-none}'" ;;
	esac
done <"$dir/testlist"
t_check testlist test "$n" -gt 40
echo "$card" >/sys/bus/mmc/drivers/mmc_test/unbind
t_check rebind-mmcblk sh -c "echo $card >/sys/bus/mmc/drivers/mmcblk/bind"
t_check card-back mmc_wait_card 30
t_done
