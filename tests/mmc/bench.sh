#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The sdhci-vsoc benchmark (make bench-mmc). One board carries three
# disks: the vsoc eMMC (sdhci-vsoc and its model), QEMU's emulated
# sdhci-pci with an sd-card, and a virtio-blk disk (the board's own
# limit), each 256 MiB. tests/guest/mmc-bench.sh runs fio with O_DIRECT
# on each, interleaved: sequential read and write (1 MiB blocks, MB/s)
# and 4 KiB random reads (IOPS), VSOC_BENCH_RUNS rounds (default 3) of
# VSOC_BENCH_SECONDS (default 5) each; then the eMMC with the model's
# timing mode on, against the HS400 bus rate (400 MB/s).
#
# Prints a table of medians and "ratio NAME VALUE range MIN-MAX" lines,
# VALUE the median of the per-round ratios:
#   ratio vsoc/qemu-sdhci-TEST   aim >= 5
#   ratio vsoc/virtio-blk-TEST   aim >= 0.5
#   ratio vsoc-timed/hs400-TEST  timing mode against 400 MB/s
# Speed is never asserted: the status is 0 unless something could not run.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/board/common.sh"

"$top/tests/board/deps.sh" board || { echo "bench-mmc: cannot install tools" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/vsoc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data"
truncate -s 256M "$work/sd.img" "$work/virtio.img"
VSOC_BENCH_RUNS=${VSOC_BENCH_RUNS:-3} VSOC_BENCH_SECONDS=${VSOC_BENCH_SECONDS:-5} \
"$top/tests/board/vm.sh" -s "$work/data" \
	-q -drive -q "if=none,id=benchsd,format=raw,file=$work/sd.img" \
	-q -device -q sdhci-pci -q -device -q sd-card,drive=benchsd \
	-q -drive -q "if=none,id=benchvd,format=raw,file=$work/virtio.img" \
	-q -device -q virtio-blk-pci,drive=benchvd \
	-c "VSOC_BENCH_RUNS=${VSOC_BENCH_RUNS:-3} VSOC_BENCH_SECONDS=${VSOC_BENCH_SECONDS:-5} bash /vsoc/tests/guest/mmc-bench.sh" >"$work/vm.log" 2>&1 ||
	{ tail -n 40 "$work/vm.log"; echo "bench-mmc: the board run failed" >&2; exit 1; }
res=$work/data/results
[ -s "$res" ] || { echo "bench-mmc: no results" >&2; exit 1; }

med() { # DEVICE TEST
	awk -v d="$1" -v t="$2" '$1 == "R" && $3 == d && $4 == t { print $5 }' "$res" |
		sort -g | awk '{ v[NR] = $1 } END { if (!NR) { print "-"; exit }
			printf "%.1f\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { # NAME A-DEVICE B-DEVICE|=CONST TEST
	awk -v a="$2" -v b="$3" -v t="$4" -v n="$1" '
		$1 == "R" && $4 == t && $3 == a { A[$2] = $5 }
		$1 == "R" && $4 == t && $3 == b { B[$2] = $5 }
		END {
			k = 0
			for (r in A) {
				d = substr(b, 1, 1) == "=" ? substr(b, 2) : B[r]
				if (d > 0) v[++k] = A[r] / d
			}
			if (!k) { print "ratio " n " -"; exit }
			for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++)
				if (v[j] < v[i]) { x = v[i]; v[i] = v[j]; v[j] = x }
			m = k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
			printf "ratio %s %.2f range %.2f-%.2f\n", n, m, v[1], v[k] }' "$res"
}
echo "eMMC mode: $(sed -n 's/^mode //p' "$res")"
printf '%-12s %12s %12s %12s\n' device "read MB/s" "write MB/s" "4k IOPS"
for d in vsoc qemu-sdhci virtio-blk; do
	printf '%-12s %12s %12s %12s\n' "$d" "$(med $d read)" "$(med $d write)" "$(med $d randread)"
done
printf '%-12s %12s %12s %12s\n' vsoc-timed "$(med vsoc-timed read)" "$(med vsoc-timed write)" -
for t in read write randread; do
	ratio "vsoc/qemu-sdhci-$t" vsoc qemu-sdhci $t
	ratio "vsoc/virtio-blk-$t" vsoc virtio-blk $t
done
for t in read write; do
	ratio "vsoc-timed/hs400-$t" vsoc-timed =400 $t
done
