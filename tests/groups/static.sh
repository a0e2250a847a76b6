#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Static checks: checkpatch --strict on every source, W=1 -Werror builds
# for the test kernel (arm64) and this machine's Debian kernel (x86_64),
# sparse (C=2), dt-schema on every binding and its example, dtc on dts/.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/board/common.sh"
. "$top/tests/lib.sh"

"$top/tests/board/deps.sh" static dkms || { t_fail deps "cannot install tools"; exit 0; }
kdir=$("$top/tests/board/kernel.sh") || { t_fail kernel "test kernel build failed"; exit 0; }
ksrc=$(vsoc_ksrc_dir)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top" || exit 1

# checkpatch, one result per file.
mapfile -t srcs < <(git ls-files -co --exclude-standard -- '*.c' '*.h' | sort)
for f in "${srcs[@]}"; do
	out=$(perl "$ksrc/scripts/checkpatch.pl" --no-tree --strict --terse \
		--show-types -f "$f" 2>&1 | grep -E ': (ERROR|WARNING|CHECK):')
	if [ -z "$out" ]; then t_pass "checkpatch:$f"; else echo "$out"; t_fail "checkpatch:$f"; fi
done

# W=1 -Werror against the test kernel, then sparse on every file.
t_check build-arm64-W1 "$top/tests/board/modules.sh"
"$top/tests/board/modules.sh" C=2 >"$tmp/sparse.log" 2>&1
nchk=$(grep -c '^  CHECK ' "$tmp/sparse.log")
nsrc=$(git ls-files -co --exclude-standard -- 'drivers/*.c' | wc -l)
if grep -E '(warning|error):' "$tmp/sparse.log"; then
	t_fail sparse "sparse reported problems"
elif [ "$nchk" -lt "$nsrc" ]; then
	tail -20 "$tmp/sparse.log"
	t_fail sparse "sparse checked $nchk files, the tree has $nsrc"
else
	t_pass sparse
fi

# W=1 -Werror against this machine's Debian kernel headers.
hver=$(vsoc_host_kver)
mkdir -p "$tmp/host"
cp -a Kbuild Makefile modules.mk drivers include "$tmp/host/"
t_check "build-$hver-W1" make -C "/usr/src/linux-headers-$hver" M="$tmp/host" \
	W=1 KCFLAGS=-Werror modules

# dtc on every source in dts/, warnings included.
for d in dts/*.dts dts/*.dtso; do
	[ -e "$d" ] || continue
	t_quiet "dtc:$d" dtc -@ -I dts -O dtb -o /dev/null "$d"
done

# dt-schema: the meta-schema, then each example against all schemas.
dts=$("$top/tests/board/dtschema.sh") || { t_fail dt-schema "cannot make the dt-schema root"; exit 0; }
w=$dts/work
rm -rf "$w" && mkdir -p "$w/k" "$w/v"
cp -a "$ksrc/Documentation/devicetree/bindings/." "$w/k/"
cp -a Documentation/devicetree/bindings/. "$w/v/"
key=$( { basename "$dts"; cat "$0"; vsoc_ksrc_version; find Documentation/devicetree/bindings -type f -print0 | sort -z | xargs -0 cat; } | sha256sum | cut -c1-12)
schema=$VSOC_CACHE/dtschema/processed-$key.json
if [ ! -s "$schema" ]; then
	vsoc_log "processing the 6.12 bindings with ours (about 1 min)"
	chroot "$dts" dt-mk-schema -j -u /work/k /work/v >"$schema.tmp" 2>"$tmp/mk.log" &&
		mv "$schema.tmp" "$schema"
fi
cp "$schema" "$w/processed.json"
mapfile -t bindings < <(cd "$w/v" && find . -name '*.yaml' | sed 's|^\./||' | sort)
for b in "${bindings[@]}"; do
	t_quiet "dt-doc-validate:$b" chroot "$dts" dt-doc-validate -u /work/k "/work/v/$b"
	chroot "$dts" dt-extract-example "/work/v/$b" >"$w/ex.dts"
	rm -f "$w/ex.dtb"
	if ! cpp -P -nostdinc -I "$ksrc/scripts/dtc/include-prefixes" -undef -D__DTS__ \
		-x assembler-with-cpp "$w/ex.dts" | dtc -q -O dtb -o "$w/ex.dtb" -; then
		t_fail "dt-example:$b" "example does not compile"
		continue
	fi
	# dt-validate exits 0 on findings: any output is a finding.
	t_quiet "dt-example:$b" chroot "$dts" dt-validate -m -s /work/processed.json /work/ex.dtb
done

# The board as booted: QEMU's tree plus dts/. Only findings about our
# nodes count; QEMU's own nodes are not ours to fix.
if "$top/tests/board/dtb.sh" "$w/board.dtb"; then
	chroot "$dts" dt-validate -m -s /work/processed.json /work/board.dtb >"$tmp/board.log" 2>&1
	if grep -i 'vsoc' "$tmp/board.log" | cut -c1-300 | grep .; then
		t_fail dt-board "the board's vsoc nodes do not match their bindings"
	else
		t_pass dt-board
	fi
else
	t_fail dt-board "cannot make the board's device tree"
fi
