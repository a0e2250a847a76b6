#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The vsoc-switch benchmark (make bench-switch), on one board
# (tests/guest/switch-bench.sh): iperf3 TCP throughput and 64-byte UDP
# packet rate between two namespaces through the offloaded switch and
# through the Linux software bridge over veth, interleaved,
# VSOC_BENCH_RUNS rounds (default 3) of VSOC_BENCH_SECONDS (default 5);
# then the FDB's learning rate and capacity (VSOC_BENCH_FDB_FRAMES
# random source MACs, default 65536).
#
# Prints a table of medians and "ratio NAME VALUE range MIN-MAX" lines,
# VALUE the median of the per-round ratios:
#   ratio switch/swbridge-tcp     aim >= 1.0
#   ratio switch/swbridge-udp64   aim >= 1.0
# and the FDB figures (aim: capacity >= 16k entries).
# Speed is never asserted: the status is 0 unless something could not run.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/board/common.sh"

"$top/tests/board/deps.sh" board || { echo "bench-switch: cannot install tools" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/vsoc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data"
env="VSOC_BENCH_RUNS=${VSOC_BENCH_RUNS:-3} VSOC_BENCH_SECONDS=${VSOC_BENCH_SECONDS:-5} VSOC_BENCH_FDB_FRAMES=${VSOC_BENCH_FDB_FRAMES:-65536}"
"$top/tests/board/vm.sh" -s "$work/data" -c "$env bash /vsoc/tests/guest/switch-bench.sh" >"$work/vm.log" 2>&1
rc=$?
[ $rc -eq 0 ] || tail -n 40 "$work/vm.log"
res=$work/data/results
[ -s "$res" ] || { echo "bench-switch: no results" >&2; exit 1; }

med() { # PATH TEST
	awk -v p="$1" -v t="$2" '$1 == "R" && $3 == p && $4 == t { print $5 }' "$res" |
		sort -g | awk '{ v[NR] = $1 } END { if (!NR) { print "-"; exit }
			printf "%.1f\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { # NAME A-PATH B-PATH TEST
	awk -v a="$2" -v b="$3" -v t="$4" -v n="$1" '
		$1 == "R" && $4 == t && $3 == a { A[$2] = $5 }
		$1 == "R" && $4 == t && $3 == b { B[$2] = $5 }
		END {
			k = 0
			for (r in A) if (B[r] > 0) v[++k] = A[r] / B[r]
			if (!k) { print "ratio " n " -"; exit }
			for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++)
				if (v[j] < v[i]) { x = v[i]; v[i] = v[j]; v[j] = x }
			m = k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
			printf "ratio %s %.2f range %.2f-%.2f\n", n, m, v[1], v[k] }' "$res"
}
printf '%-10s %14s %14s\n' path "TCP Mbit/s" "UDP64 pps"
for p in switch swbridge; do
	printf '%-10s %14s %14s\n' "$p" "$(med $p tcp)" "$(med $p udp64)"
done
ratio switch/swbridge-tcp switch swbridge tcp
ratio switch/swbridge-udp64 switch swbridge udp64
grep -E '^(cpu_rx_during_forwarding|fdb_)' "$res"
if [ $rc -ne 0 ]; then
	echo "bench-switch: the board run failed (status $rc): figures above are suspect" >&2
	exit 1
fi
