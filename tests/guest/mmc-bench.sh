#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board, for tests/mmc/bench.sh: fio with O_DIRECT on the vsoc
# eMMC, on QEMU's own sdhci-pci + sd-card and on a virtio-blk disk
# attached to the same board, interleaved, VSOC_BENCH_RUNS rounds; then
# the vsoc eMMC with the model's timing mode on (transfers as long as
# HS400 at the current clock would take). Prints one
# "R ROUND DEVICE TEST VALUE" line per measure (MB/s or IOPS) into
# /run/data/results.
. /vsoc/tests/lib.sh
. /vsoc/tests/guest/mmc-lib.sh

runs=${VSOC_BENCH_RUNS:-3}
secs=${VSOC_BENCH_SECONDS:-5}
out=/run/data/results
: >"$out"
mmc_wait_card 30 || { echo "no vsoc eMMC" >&2; exit 1; }
sd=
for h in /sys/class/mmc_host/mmc*; do
	case $(readlink -f "$h") in
	*"$MMC_NODE"*) ;;
	*) d=$(ls -d "$h"/mmc*:*/block/mmcblk* 2>/dev/null | head -n 1)
	   [ -n "$d" ] && sd=/dev/$(basename "$d") ;;
	esac
done
[ -n "$sd" ] || { echo "no QEMU sd card" >&2; exit 1; }
[ -b /dev/vda ] || { echo "no virtio-blk disk" >&2; exit 1; }

# fio1 DEV TEST: MB/s (read, write) or IOPS (randread) of one run
fio1() {
	local rw=$2 bs=1m field=bw_bytes dir=read
	case $2 in
	write) dir=write ;;
	randread) bs=4k field=iops ;;
	esac
	fio --name=b --filename="$1" --rw="$rw" --bs=$bs --size=128m --direct=1 \
		--ioengine=psync --runtime="$secs" --time_based --output-format=json \
		2>/dev/null | jq -r ".jobs[0].$dir.$field" |
		awk -v f=$field '{ printf "%.1f\n", f == "iops" ? $1 : $1 / 1e6 }'
}
for r in $(seq 1 "$runs"); do
	for t in read write randread; do
		for d in vsoc:"$MMC_DEV" qemu-sdhci:"$sd" virtio-blk:/dev/vda; do
			echo "R $r ${d%%:*} $t $(fio1 "${d#*:}" $t)" >>"$out"
		done
	done
done
model=$(mmc_model)
echo 1 >"$model/timing"
for r in $(seq 1 "$runs"); do
	for t in read write; do
		echo "R $r vsoc-timed $t $(fio1 "$MMC_DEV" $t)" >>"$out"
	done
done
echo 0 >"$model/timing"
echo "mode $(mmc_ios "timing spec") $(mmc_ios "actual clock")" >>"$out"
t_done
