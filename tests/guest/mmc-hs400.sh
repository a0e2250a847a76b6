#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board with enhanced strobe taken out of the DT: sdhci-vsoc
# reaches HS400 through HS200 tuning (CMD21 tap sweep) and the locked
# strobe delay line; when the passing window moves, the CRC errors that
# follow make the core re-tune and nothing read is wrong; fio random
# writes verified with crc32c see no error, undisturbed and with each
# of the model's faults injected (the core and the driver recover
# through retries, resets and re-tuning).
. /vsoc/tests/lib.sh
. /vsoc/tests/guest/mmc-lib.sh

if ! mmc_wait_card 30 || [ -z "$(mmc_model)" ]; then
	t_fail card "no $MMC_DEV, or no model debugfs for $MMC_NODE"
	dmesg | grep -iE 'mmc|sdhci' | tail -n 30
	t_done
	exit 0
fi
t_pass card
model=$(mmc_model)
t_check dt-variant test ! -e "/proc/device-tree/vsoc-sim/$MMC_NODE/mmc-hs400-enhanced-strobe"
mmc_check_mode hs400 "mmc HS400" "1.80 V" 200000000
t_check tuned test "$(mmc_stat retunes)" -gt 0

# --- the window moves: re-tuning ---
head -c 4M /dev/urandom >/tmp/ref
dd if=/tmp/ref of="$MMC_DEV" bs=1M seek=1024 oflag=direct conv=fsync status=none
read -r lo hi <"$model/window"
w=$((hi - lo + 1))
# Shift by a whole window width, towards the free side: the tuned tap
# (inside the old window) is then outside the new one.
if [ $((lo + hi)) -ge 63 ]; then d=-$w; else d=$w; fi
tunes=$(mmc_stat retunes)
echo "$d" >"$model/drift"
read -r nlo nhi <"$model/window"
t_check window-moved test "$nlo" -ne "$lo"
echo 3 >/proc/sys/vm/drop_caches
dd if="$MMC_DEV" of=/tmp/back bs=1M skip=1024 count=4 iflag=direct status=none
t_check retune-read-status test $? -eq 0
t_check retune-data cmp /tmp/ref /tmp/back
t_check retuned test "$(mmc_stat retunes)" -gt "$tunes"
mmc_check_mode retuned "mmc HS400" "1.80 V" 200000000

# --- fio, verified, with and without faults ---
fio_verify() { # NAME MiB
	timeout 600 fio --name="$1" --filename="$MMC_DEV" --offset=1280m --size="$2"m \
		--rw=randwrite --bs=4k --direct=1 --ioengine=psync --iodepth=1 \
		--verify=crc32c --do_verify=1 --verify_fatal=1 \
		--output-format=json --output=/tmp/fio.json >/dev/null 2>/tmp/fio.err
	local st=$?
	if [ $st -eq 0 ] && [ "$(jq '.jobs[0].error' /tmp/fio.json)" = 0 ]; then
		t_pass "fio-$1"
	else
		tail -n 5 /tmp/fio.err | sed 's/^/    | /'
		t_fail "fio-$1" "fio status $st, error $(jq '.jobs[0].error' /tmp/fio.json 2>/dev/null)"
	fi
}
# arm_faults KNOB: up to three failures, one at a time, each eligible
# event failing with probability 5 %; after each failure the next is
# armed only once a write has completed since (the core's recovery, a
# reset and re-tuning that can take seconds under TCG, is over), and
# 0.5 s later. The block layer resets the card once and refuses a second
# reset until a request has succeeded (mmc_blk_reset()): two failures
# in a row, the retry of a request or the recovery's own commands
# failing again, are an I/O error by design, not a recovery this test
# can ask for. Prints the failures that happened.
arm_faults() {
	local knob=$1 fired=0 i left w
	local stat=/sys/block/${MMC_DEV#/dev/}/stat
	for i in 1 2 3; do
		echo "1 5" >"$knob"
		while read -r left _ <"$knob" && [ "$left" -gt 0 ]; do
			[ -e /tmp/fio.done ] && break 2
			sleep 0.1
		done
		fired=$((fired + 1))
		# Field 5 of the block device's stat: writes completed.
		read -r _ _ _ _ w _ <"$stat"
		while read -r _ _ _ _ left _ <"$stat" && [ "$left" -le "$w" ]; do
			[ -e /tmp/fio.done ] && break 2
			sleep 0.1
		done
		sleep 0.5
	done
	echo 0 >"$knob"
	echo $fired
}
fio_verify clean 32
for f in cmd_crc data_crc cmd_timeout data_timeout busy; do
	rm -f /tmp/fio.done
	arm_faults "$model/fault_$f" >/tmp/fired &
	fio_verify "$f" 8
	touch /tmp/fio.done
	wait
	t_check "fault-$f-fired" test "$(cat /tmp/fired)" -ge 1
done
t_check no-io-error sh -c "! dmesg | grep -qE 'I/O error, dev mmcblk|Buffer I/O error'"
t_done
