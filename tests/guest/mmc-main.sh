#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board (default DT): sdhci-vsoc brings the eMMC up in HS400
# enhanced strobe at 200 MHz, 1.8 V, 8 bits; mmc-utils decodes the
# EXT_CSD; data reads back as written through every DMA path (ADMA2
# 64-bit in v4 and v3 mode, SDMA, PIO); an ext4 file system survives
# a driver reload and fsck; the boot partitions are separate areas;
# pads stuck at 3.3 V give a clean fall-back to high speed; the host
# runtime-suspends when idle; unbind and module unload under I/O end
# the I/O with errors, not a hang, and the card comes back.
. /vsoc/tests/lib.sh
. /vsoc/tests/guest/mmc-lib.sh

# Each section named in the kernel log, to place what the log shows.
section() { echo "mmc-main: $*" >/dev/kmsg; }

if ! mmc_wait_card 30 || [ -z "$(mmc_model)" ]; then
	t_fail card "no $MMC_DEV, or no model debugfs for $MMC_NODE"
	dmesg | grep -iE 'mmc|sdhci' | tail -n 30
	t_done
	exit 0
fi
t_pass card
model=$(mmc_model)
mmc_check_mode hs400es "mmc HS400 enhanced strobe" "1.80 V" 200000000

# --- EXT_CSD through mmc-utils ---
section 'EXT_CSD through mmc-utils'
mmc extcsd read "$MMC_DEV" >/tmp/extcsd 2>&1
t_check extcsd-read test $? -eq 0
t_check extcsd-rev grep -q 'Extended CSD rev 1.8 (MMC 5.1)' /tmp/extcsd
t_check extcsd-hs400es grep -qiE 'HS_TIMING.*0x0?3' /tmp/extcsd
t_check extcsd-strobe grep -qiE 'STROBE_SUPPORT.*0x0?1|Enhanced Strobe.*support' /tmp/extcsd

# --- every DMA path, by reloading the driver with its parameters ---
section 'every DMA path, by reloading the driver with its parameters'
mmc_rw_verify rw-adma2-v4 2048 16
for p in "v4=0" "dma=sdma" "dma=pio"; do
	name=rw-${p/=/-}
	if modprobe -r sdhci-vsoc && modprobe sdhci-vsoc "$p" && mmc_wait_card 30; then
		mmc_rw_verify "$name" 2100 8
	else
		t_fail "$name" "cannot reload sdhci-vsoc with $p"
	fi
done
modprobe -r sdhci-vsoc && modprobe sdhci-vsoc && mmc_wait_card 30
t_check reload-default test -b "$MMC_DEV"
mmc_check_mode reloaded "mmc HS400 enhanced strobe" "1.80 V" 200000000

# --- ext4: write, fsck, driver reload, checksums ---
section 'ext4: write, fsck, driver reload, checksums'
mnt=/tmp/mmc-mnt
mkdir -p $mnt
t_check mkfs mkfs.ext4 -q -F "$MMC_DEV" 1G
t_check mount mount "$MMC_DEV" $mnt
for i in $(seq 1 16); do
	head -c $((RANDOM * 64 + i)) /dev/urandom >"$mnt/f$i"
done
(cd $mnt && sha256sum f* >/tmp/sums)
sync
t_check umount umount $mnt
t_check fsck e2fsck -f -n "$MMC_DEV"
t_check reload-unload modprobe -r sdhci-vsoc
t_check reload-load modprobe sdhci-vsoc
t_check reload-card mmc_wait_card 30
echo 3 >/proc/sys/vm/drop_caches
t_check remount mount "$MMC_DEV" $mnt
t_check checksums sh -c "cd $mnt && sha256sum -c --quiet /tmp/sums"
umount $mnt

# --- boot partitions: separate areas of their own ---
section 'boot partitions: separate areas of their own'
for b in boot0 boot1; do
	t_check "$b-present" test -b "${MMC_DEV}$b"
	echo 0 >"/sys/block/mmcblk0$b/force_ro"
done
head -c 1M /dev/urandom >/tmp/b0
head -c 1M /dev/urandom >/tmp/b1
dd if=/tmp/b0 of="${MMC_DEV}boot0" bs=1M oflag=direct status=none
dd if=/tmp/b1 of="${MMC_DEV}boot1" bs=1M oflag=direct status=none
echo 3 >/proc/sys/vm/drop_caches
dd if="${MMC_DEV}boot0" of=/tmp/r0 bs=1M count=1 iflag=direct status=none
dd if="${MMC_DEV}boot1" of=/tmp/r1 bs=1M count=1 iflag=direct status=none
t_check boot0-data cmp /tmp/b0 /tmp/r0
t_check boot1-data cmp /tmp/b1 /tmp/r1
t_check user-area-untouched sh -c "mount -o ro $MMC_DEV $mnt && cd $mnt && sha256sum -c --quiet /tmp/sums; st=\$?; cd /; umount $mnt; exit \$st"

# --- pads stuck at 3.3 V: the 1.8 V modes are given up cleanly ---
section 'pads stuck at 3.3 V: the 1.8 V modes are given up cleanly'
echo 1 >"$model/io_stuck_3v3"
t_check fallback-rebind mmc_rebind
# DDR52 is the fastest mode at 3.3 V I/O.
t_eq fallback-timing "$(mmc_ios "timing spec")" "mmc DDR52"
t_eq fallback-voltage "$(mmc_ios "signal voltage")" "3.30 V"
t_check fallback-logged sh -c "dmesg | grep -qiE 'I/O voltage.*(stuck|did not switch).*fall'"
mmc_rw_verify fallback-rw 2200 4
echo 0 >"$model/io_stuck_3v3"
t_check fallback-recover-rebind mmc_rebind
mmc_check_mode recovered "mmc HS400 enhanced strobe" "1.80 V" 200000000

# --- runtime PM: the idle host suspends, I/O resumes it ---
section 'runtime PM: the idle host suspends, I/O resumes it'
pm=/sys/bus/platform/devices/$(mmc_pdev)/power/runtime_status
t_check runtime-suspended wait_for 10 "[ \"\$(cat $pm)\" = suspended ]"
mmc_rw_verify runtime-resume-rw 2300 1

# --- unbind and module unload under I/O ---
section 'unbind and module unload under I/O'
dd if="$MMC_DEV" of=/dev/null bs=64k count=100000 iflag=direct status=none &
io=$!
sleep 1
t_check unbind-under-io sh -c "echo $(mmc_pdev) >$MMC_DRV/unbind"
t_check unbind-io-ends wait_for 30 "! kill -0 $io 2>/dev/null"
wait $io 2>/dev/null
t_check unbind-bind sh -c "echo $(mmc_pdev) >$MMC_DRV/bind"
t_check unbind-card-back mmc_wait_card 30
dd if="$MMC_DEV" of=/dev/null bs=64k count=100000 iflag=direct status=none &
io=$!
sleep 1
t_check unload-under-io modprobe -r sdhci-vsoc
t_check unload-io-ends wait_for 30 "! kill -0 $io 2>/dev/null"
wait $io 2>/dev/null
t_check unload-reload modprobe sdhci-vsoc
t_check unload-card-back mmc_wait_card 30
t_check unload-fs-intact sh -c "mount -o ro $MMC_DEV $mnt && cd $mnt && sha256sum -c --quiet /tmp/sums; st=\$?; cd /; umount $mnt; exit \$st"
t_done
