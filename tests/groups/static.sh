#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Static checks: checkpatch --strict on every source, W=1 -Werror builds
# of every module for a matrix of kernels (the board's arm64 6.12, this
# machine's Debian amd64 6.1, arm64 6.1 and arm64 of the newest Debian
# kernel), sparse (C=2), dt-schema on every binding and its example, dtc
# on dts/.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/board/common.sh"
. "$top/tests/lib.sh"

# The harness's own guards, on a copy of tests/ (cheap, run first):
# check.sh refuses a user other than root before any work; a group
# that records only bookkeeping results (kunit-board, -kernel-log, -end)
# and skips fails, one with a test of its own passes; wait_for
# evaluates its condition at each try; variables
# of make's command line (ARCH=, W=, -s) do not reach a nested make.
h=$(mktemp -d)
trap 'rm -rf "$h"' EXIT
chmod 755 "$h"
cp -a "$top/tests" "$h/"
t0=$SECONDS
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups bash "$h/tests/check.sh" static 2>&1)
rc=$?
if [ $rc -eq 1 ] && grep -q 'run as root' <<<"$out" && ! grep -q '^===' <<<"$out" &&
	[ $((SECONDS - t0)) -lt 30 ]; then
	t_pass harness-root-up-front
else
	sed 's/^/    | /' <<<"$out" | tail -n 5
	t_fail harness-root-up-front "status $rc, $((SECONDS - t0)) s"
fi
printf '. "$(dirname "$0")/../lib.sh"\nt_pass kunit-board\nt_pass kunit-kernel-log\nt_pass kunit-end\nt_skip x "skipped"\n' \
	>"$h/tests/groups/only-bookkeeping.sh"
printf '. "$(dirname "$0")/../lib.sh"\nt_pass kunit-kernel-log\nt_pass x-end\n' \
	>"$h/tests/groups/one-test.sh"
out=$(bash "$h/tests/check.sh" only-bookkeeping 2>&1)
rc=$?
if [ $rc -ne 0 ] && grep -q '^FAIL only-bookkeeping/group: ran no test' <<<"$out"; then
	t_pass harness-group-without-test-fails
else
	sed 's/^/    | /' <<<"$out" | tail -n 5
	t_fail harness-group-without-test-fails "status $rc"
fi
t_check harness-group-with-test-passes bash "$h/tests/check.sh" one-test
c=$h/counter
echo 0 >"$c"
(sleep 0.5; echo 1 >"$c") &
if (. "$h/tests/lib.sh" && wait_for 5 '[ "$(cat "$c")" -eq 1 ]'); then
	t_pass harness-wait-for-reevaluates
else
	t_fail harness-wait-for-reevaluates "the condition was not evaluated again"
fi
wait
if (. "$h/tests/lib.sh" && wait_for 1 false); then
	t_fail harness-wait-for-times-out "a false condition held"
else
	t_pass harness-wait-for-times-out
fi
printf 'all:\n\t@echo "ARCH=$(ARCH) W=$(W) FLAVOUR=$(FLAVOUR) MAKEFLAGS=$(MAKEFLAGS)"\n' >"$h/inner.mk"
printf 'all:\n\t@bash -c %s\n' "'. $h/tests/board/common.sh; make -f $h/inner.mk'" >"$h/outer.mk"
t_eq harness-make-vars-stay-out \
	"$(make -s -f "$h/outer.mk" ARCH=x86 W=2 FLAVOUR=kasan 2>&1 | tail -n 1)" \
	"ARCH= W= FLAVOUR=kasan MAKEFLAGS="

"$top/tests/board/deps.sh" static dkms ktree || { t_fail deps "cannot install tools"; exit 0; }
kdir=$("$top/tests/board/kernel.sh") || { t_fail kernel "test kernel build failed"; exit 0; }
ksrc=$(vsoc_ksrc_dir)
tmp=$(mktemp -d)
trap 'rm -rf "$h" "$tmp"' EXIT
cd "$top" || exit 1

# The sources: git's list in a checkout, find's in a tree without git.
mapfile -t srcs < <(vsoc_sources '*.c' '*.h')
if [ ${#srcs[@]} -gt 0 ]; then t_pass sources "${#srcs[@]} files"; else t_fail sources "no C source found"; fi

# checkpatch, one result per file: exit status 0 and no finding.
# The compat header is made of version checks, which is what it is for.
for f in "${srcs[@]}"; do
	ign=()
	case $f in
	include/vsoc/compat.h)
		ign=(--ignore LINUX_VERSION_CODE,CONSTANT_COMPARISON,EXPORT_SYMBOL) ;;
	# The C library's types and macros under the kernel's names, for
	# the decode core's host build (and vicodec's codec, its reference).
	tests/vdec-core/vdec-host.h | tests/vdec-core/fwht-vicodec-shim.h)
		ign=(--ignore PREFER_KERNEL_TYPES,MACRO_ARG_REUSE,PREFER_DEFINED_ATTRIBUTE_MACRO) ;;
	# The IEEE 802.3 MAC statistics keep their standard's names in
	# struct ethtool_eth_mac_stats, and ethtool's link modes theirs
	# (1000baseT_Full) in the link partners' settings.
	drivers/switch/vsoc-switch-ethtool.c | drivers/models/switch/switch-model-wire.c)
		ign=(--ignore CAMELCASE) ;;
	# libFuzzer's entry points have libFuzzer's names.
	tests/vdec-core/fuzz-*.c)
		ign=(--ignore CAMELCASE) ;;
	esac
	t_quiet "checkpatch:$f" perl "$ksrc/scripts/checkpatch.pl" --no-tree --strict \
		--terse --show-types "${ign[@]}" -f "$f"
done

# vsoc_ko_set DIR: the .ko files in DIR (not below), as module names.
vsoc_ko_set() { find "$1" -maxdepth 1 -name '*.ko' -printf '%f\n' | sed 's/\.ko$//' | sort | xargs; }

# W=1 -Werror against the test kernel: the modules handed to the board
# must be exactly those modules.mk gives its .config, and a stale .ko in
# the build directory (a module renamed or removed since) must not be
# among them.
kconfig=$kdir/.config
want="no $kconfig"
[ -r "$kconfig" ] && want=$(vsoc_modules_for "$kconfig" | xargs)
obj=$VSOC_CACHE/obj/$(basename "$kdir")
mods=
if mods=$("$top/tests/board/modules.sh" 2>"$tmp/arm64.log"); then
	t_pass build-arm64-W1
	t_eq modules-arm64 "$(vsoc_ko_set "$mods")" "$want"
	first=$(find "$mods" -maxdepth 1 -name '*.ko' | head -1)
	cp "$first" "$obj/vsoc-stale.ko"
	if again=$("$top/tests/board/modules.sh" 2>>"$tmp/arm64.log"); then
		t_eq stale-module-not-handed-out "$(vsoc_ko_set "$again")" "$want"
	else
		t_fail stale-module-not-handed-out "modules.sh failed"
	fi
	rm -f "$obj/vsoc-stale.ko"
else
	mods=
	tail -n 40 "$tmp/arm64.log" | sed 's/^/    | /'
	t_fail build-arm64-W1 "modules.sh failed"
fi

# sparse (C=2) on every file: the build's status (a crashed sparse fails
# it), no finding, and a CHECK line for every source.
"$top/tests/board/modules.sh" C=2 >"$tmp/sparse.log" 2>&1
st=$?
nchk=$(grep -c '^  CHECK ' "$tmp/sparse.log")
nsrc=$(vsoc_sources 'drivers/*.c' | wc -l)
if [ $st -ne 0 ]; then
	tail -20 "$tmp/sparse.log"
	t_fail sparse "the C=2 build failed with status $st"
elif grep -E '(warning|error):' "$tmp/sparse.log"; then
	t_fail sparse "sparse reported problems"
elif [ "$nsrc" -eq 0 ] || [ "$nchk" -lt "$nsrc" ]; then
	tail -20 "$tmp/sparse.log"
	t_fail sparse "sparse checked $nchk files, the tree has $nsrc"
else
	t_pass sparse
fi

# The build matrix: each (kernel, module) pair is a test. A module the
# kernel cannot carry (modules.mk: an option it lacks, or too old) is a
# skip naming what is missing; one it can carry must have been built W=1
# with warnings as errors; one it cannot must not have been.
# vsoc_pair_results NAME CONFIG DIR LOG: results of the build of kernel
# NAME (its .config CONFIG) whose .ko files are in DIR.
vsoc_pair_results() {
	local name=$1 config=$2 dir=$3 log=$4 m lacks shown=0

	for m in $(vsoc_modules); do
		lacks=$(vsoc_module_lacks "$config" "$m")
		if [ -n "$lacks" ]; then
			if [ -e "$dir/$m.ko" ]; then
				t_fail "build:$name:$m" "built, but the kernel lacks $lacks"
			else
				t_skip "build:$name:$m" "kernel lacks $lacks"
			fi
		elif [ -e "$dir/$m.ko" ]; then
			t_pass "build:$name:$m"
		else
			[ $shown = 1 ] || grep -E 'error|warning' "$log" | head -n 30 | sed 's/^/    | /'
			shown=1
			t_fail "build:$name:$m" "not built (W=1 -Werror); see above"
		fi
	done
}

# vsoc_pair_build NAME KDIR MAKEARGS...: build a copy of the tree against
# the prepared kernel tree KDIR. A tree made by modules_prepare has no
# Module.symvers, so modpost cannot resolve kernel symbols: those are
# warnings there. One module's error stops every .ko from being linked,
# so a failed build is redone one module at a time, to tell which fail.
vsoc_pair_build() {
	local name=$1 kdir=$2 dir=$tmp/build-$1 m
	shift 2

	mkdir -p "$dir"
	cp -a Kbuild Makefile modules.mk drivers include "$dir/"
	if ! make -C "$kdir" M="$dir" W=1 KCFLAGS=-Werror "$@" modules >"$dir.log" 2>&1; then
		for m in $(vsoc_modules_for "$kdir/.config"); do
			mkdir -p "$dir-$m"
			cp -a Kbuild Makefile modules.mk drivers include "$dir-$m/"
			make -C "$kdir" M="$dir-$m" W=1 KCFLAGS=-Werror VSOC_MODULES="$m" \
				"$@" modules >>"$dir.log" 2>&1
			[ ! -e "$dir-$m/$m.ko" ] || cp "$dir-$m/$m.ko" "$dir/"
		done
	fi
	vsoc_pair_results "$name" "$kdir/.config" "$dir" "$dir.log"
}

if [ -n "$mods" ]; then
	vsoc_pair_results arm64-6.12 "$kconfig" "$mods" "$tmp/arm64.log"
else
	for m in $(vsoc_modules); do t_fail "build:arm64-6.12:$m" "the board build failed"; done
fi

hver=$(vsoc_host_kver)
hdir=/usr/src/linux-headers-$hver
if [ -r "$hdir/.config" ]; then
	vsoc_pair_build "amd64-${hver%%-*}" "$hdir"
else
	t_fail "build:amd64-$hver" "no $hdir/.config"
fi

for t in 6.1 newest; do
	if ! ktree=$("$top/tests/board/ktree.sh" "$t" 2>"$tmp/ktree-$t.log"); then
		tail -n 20 "$tmp/ktree-$t.log" | sed 's/^/    | /'
		t_fail "build:arm64-$t" "cannot prepare the kernel tree"
		continue
	fi
	kv=$(sed -n '1,5s/^# Linux\/[^ ]* \([0-9.]*\) .*/\1/p' "$ktree/.config")
	vsoc_pair_build "arm64-${kv:-$t}" "$ktree" ARCH=arm64 \
		CROSS_COMPILE="$VSOC_ARCH_CROSS" KBUILD_MODPOST_WARN=1 -j"$VSOC_JOBS"
done

# dtc on every source in dts/, warnings included.
for d in dts/*.dts dts/*.dtso; do
	[ -e "$d" ] || continue
	t_quiet "dtc:$d" dtc -@ -I dts -O dtb -o /dev/null "$d"
done

# dt-schema: the meta-schema, then each example against all schemas.
# The tools run in their own root (chroot); each run works in a fresh
# directory of its /work.
dts=$("$top/tests/board/dtschema.sh") || { t_fail dt-schema "cannot make the dt-schema root"; exit 0; }
w=$(mktemp -d "$dts/work/run.XXXXXX")
cw=/work/$(basename "$w")
trap 'rm -rf "$h" "$tmp" "$w"' EXIT
mkdir -p "$w/k" "$w/v" "$w/m"
cp -a "$ksrc/Documentation/devicetree/bindings/." "$w/k/"
# Our properties carry the "vsoc," prefix: known to the kernel's schemas
# as an upstream vendor-prefixes.yaml entry would make it.
sed -i 's/^patternProperties:$/&\n  "^vsoc,.*":\n    description: vsoc virtual SoC/' \
	"$w/k/vendor-prefixes.yaml"
cp -a Documentation/devicetree/bindings/. "$w/v/"
# dt-doc-validate resolves a $ref (/schemas/mmc/...) in the tree of the
# binding itself: ours are checked in a copy of the kernel's tree.
cp -a "$w/k/." "$w/m/"
cp -a Documentation/devicetree/bindings/. "$w/m/"
key=$( { basename "$dts"; cat "$0"; vsoc_ksrc_version; find Documentation/devicetree/bindings -type f -print0 | sort -z | xargs -0 cat; } | sha256sum | cut -c1-12)
schema=$VSOC_CACHE/dtschema/processed-$key.json
if [ ! -s "$schema" ]; then
	vsoc_log "processing the 6.12 bindings with ours (about 1 min)"
	chroot "$dts" dt-mk-schema -j -u "$cw/k" "$cw/v" >"$schema.tmp" 2>"$tmp/mk.log" &&
		mv "$schema.tmp" "$schema"
fi
# Without a processed schema holding every binding of ours, dt-validate
# checks nothing: that is a failure of every check below.
mapfile -t bindings < <(cd "$w/v" && find . -name '*.yaml' | sed 's|^\./||' | sort)
have_schema=1
for b in "${bindings[@]}"; do
	id=$(sed -n 's/^\$id: *//p' "$w/v/$b")
	[ -n "$id" ] && [ -s "$schema" ] && grep -qF "\"$id\"" "$schema" || have_schema=0
done
if [ ${#bindings[@]} -gt 0 ] && [ $have_schema = 1 ]; then
	t_pass dt-schema-processed
else
	tail -n 20 "$tmp/mk.log" 2>/dev/null | sed 's/^/    | /'
	t_fail dt-schema-processed "no processed schema holding our ${#bindings[@]} bindings ($schema)"
	rm -f "$schema" "$schema.tmp"
fi
[ $have_schema = 1 ] && cp "$schema" "$w/processed.json"
for b in "${bindings[@]}"; do
	t_quiet "dt-doc-validate:$b" chroot "$dts" dt-doc-validate -u "$cw/k" "$cw/m/$b"
	if [ $have_schema = 0 ]; then
		t_fail "dt-example:$b" "no processed schema"
		continue
	fi
	chroot "$dts" dt-extract-example "$cw/v/$b" >"$w/ex.dts"
	rm -f "$w/ex.dtb"
	if ! cpp -P -nostdinc -I "$ksrc/scripts/dtc/include-prefixes" -undef -D__DTS__ \
		-x assembler-with-cpp "$w/ex.dts" | dtc -q -O dtb -o "$w/ex.dtb" -; then
		t_fail "dt-example:$b" "example does not compile"
		continue
	fi
	# dt-validate exits 0 on findings: any output is a finding; it exits
	# non-zero when it cannot validate (a missing or bad schema).
	t_quiet "dt-example:$b" chroot "$dts" dt-validate -m -s "$cw/processed.json" "$cw/ex.dtb"
done

# The board as booted: QEMU's tree plus dts/. Only findings about our
# nodes count; QEMU's own nodes are not ours to fix. dt-validate must
# have run (status 0).
if [ $have_schema = 0 ]; then
	t_fail dt-board "no processed schema"
elif "$top/tests/board/dtb.sh" "$w/board.dtb"; then
	chroot "$dts" dt-validate -m -s "$cw/processed.json" "$cw/board.dtb" >"$tmp/board.log" 2>&1
	st=$?
	if [ $st -ne 0 ]; then
		tail -n 20 "$tmp/board.log" | sed 's/^/    | /'
		t_fail dt-board "dt-validate failed with status $st"
	elif grep -i 'vsoc' "$tmp/board.log" | cut -c1-300 | grep .; then
		t_fail dt-board "the board's vsoc nodes do not match their bindings"
	else
		t_pass dt-board
	fi
else
	t_fail dt-board "cannot make the board's device tree"
fi
