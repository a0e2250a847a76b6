# SPDX-License-Identifier: GPL-2.0
# Shared settings of the virtual-board scripts; sourced, never run.

VSOC_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VSOC_CACHE=${VSOC_CACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/vsoc}
VSOC_FLAVOUR=${FLAVOUR:-debug}
VSOC_ARCH_CROSS=aarch64-linux-gnu-
VSOC_JOBS=${VSOC_JOBS:-$(nproc)}

# The board's machine: QEMU arm64 "virt" under TCG (KVM is not usable on
# the machines this runs on). cortex-a57: no pointer authentication, which
# TCG emulates slowly.
VSOC_MACHINE=(-M virt,gic-version=3 -cpu cortex-a57 -smp 2 -m 2G -nic none -display none)

vsoc_log() { printf '[vsoc] %s\n' "$*" >&2; }
vsoc_die() { printf '[vsoc] error: %s\n' "$*" >&2; exit 1; }

# Kernel source version: the Debian linux-source-6.12 package's.
vsoc_ksrc_version() {
	dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null
}

# Config fragments of a flavour, in application order.
vsoc_kconfig_fragments() {
	echo "$VSOC_TOP/tests/kernel/vsoc.config"
	[ "$VSOC_FLAVOUR" = kasan ] && echo "$VSOC_TOP/tests/kernel/kasan.config"
	return 0
}

# vsoc_kmake SRC OUT ARGS...: make in the kernel source SRC with its
# output in OUT, for the board's architecture.
vsoc_kmake() {
	local src=$1 out=$2

	shift 2
	make -C "$src" O="$out" ARCH=arm64 CROSS_COMPILE="$VSOC_ARCH_CROSS" \
		-j"$VSOC_JOBS" "$@"
}

# vsoc_kconfigure SRC OUT: configure a kernel like the board's: tinyconfig,
# then the flavour's fragments merged in, then olddefconfig.
vsoc_kconfigure() {
	vsoc_kmake "$1" "$2" -s tinyconfig &&
	# shellcheck disable=SC2046
	KCONFIG_CONFIG="$2/.config" "$1/scripts/kconfig/merge_config.sh" \
		-m -O "$2" "$2/.config" $(vsoc_kconfig_fragments) &&
	vsoc_kmake "$1" "$2" -s olddefconfig
}

# Revision of the kernel build recipe (tests/board/kernel.sh): bump it
# when a change there changes what gets built.
VSOC_KBUILD_REV=1

# The cache key of a test kernel: source version, fragments, recipe.
vsoc_kernel_key() {
	local h
	# shellcheck disable=SC2046
	h=$( { vsoc_ksrc_version; echo "$VSOC_KBUILD_REV"; } |
		vsoc_key $(vsoc_kconfig_fragments))
	echo "6.12-$VSOC_FLAVOUR-$h"
}

# Release of this machine's Debian kernel headers (linux-headers-amd64).
vsoc_host_kver() {
	dpkg-query -W -f='${Depends}' linux-headers-amd64 |
		sed -n 's/^linux-headers-\([^ ,]*\).*/\1/p'
}

# vsoc_module_lacks CONFIG MODULE: what a kernel with the .config CONFIG
# lacks for MODULE of modules.mk, space-separated, empty if nothing: the
# needed options that are not y or m there (none checked if CONFIG is
# unreadable), and "Linux-X.Y+" if the kernel is older than the module's
# "<module>-since" (its version is read from the header of CONFIG), and
# each of the module's "<module>-srcfiles" that the kernel tree of CONFIG
# (its directory, or the source tree its "source" link names) lacks.
# The rule of Kbuild and dkms.conf.
vsoc_module_lacks() {
	local mk=$VSOC_TOP/modules.mk o since kver f kt lacks=()

	if [ -r "$1" ]; then
		for o in $(sed -n "s/^$2-needs *:= *//p" "$mk"); do
			grep -qE "^$o=[ym]\$" "$1" || lacks+=("$o")
		done
	fi
	since=$(sed -n "s/^$2-since *:= *//p" "$mk")
	kver=$(sed -n '1,5s/^# Linux\/[^ ]* \([0-9]*\.[0-9]*\).*/\1/p' "$1" 2>/dev/null)
	if [ -n "$since" ] && [ -n "$kver" ] &&
	   ! printf '%s\n' "$since" "$kver" | sort -V -C; then
		lacks+=("Linux-$since+")
	fi
	kt=$(dirname "$1")
	for f in $(sed -n "s/^$2-srcfiles *:= *//p" "$mk"); do
		[ -e "$kt/$f" ] || [ -e "$kt/source/$f" ] || lacks+=("$f")
	done
	echo "${lacks[*]}"
}

# vsoc_modules: every module of modules.mk, one a line, in file order.
vsoc_modules() {
	sed -n 's/^\([a-z0-9-]*\)-needs *:=.*/\1/p' "$VSOC_TOP/modules.mk"
}

# vsoc_modules_for CONFIG: the modules a kernel with the .config CONFIG
# gets (vsoc_module_lacks says nothing), one a line, sorted.
vsoc_modules_for() {
	local m

	vsoc_modules | while read -r m; do
		[ -n "$(vsoc_module_lacks "$1" "$m")" ] || echo "$m"
	done | sort
}

# vsoc_kunit_suites MODULE: the KUnit suites modules.mk declares for
# MODULE ("<module>-suites := suite..."), space-separated.
vsoc_kunit_suites() {
	sed -n "s/^$1-suites *:= *//p" "$VSOC_TOP/modules.mk" | xargs
}

# vsoc_sources PATTERN...: the tree's files matching the git pathspecs
# PATTERN (e.g. '*.c'), sorted, tracked or not but not ignored; by find
# in a tree that is not a git checkout (a tarball, /usr/src for dkms).
vsoc_sources() {
	local p
	if git -C "$VSOC_TOP" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git -C "$VSOC_TOP" ls-files -co --exclude-standard -- "$@"
	else
		for p in "$@"; do
			(cd "$VSOC_TOP" && find . -path ./.git -prune -o -type f -path "./$p" -print) |
				sed 's|^\./||'
		done
	fi | sort -u
}

vsoc_kernel_dir() { echo "$VSOC_CACHE/kernel/$(vsoc_kernel_key)"; }
vsoc_ksrc_dir() { echo "$VSOC_CACHE/src/$(vsoc_ksrc_version)/linux-source-6.12"; }

# vsoc_cached DIR BUILDER...: unless DIR is complete, run "BUILDER... TMP"
# to fill a fresh TMP, then move it to DIR in one step (an interrupted
# build leaves no half-made cache entry). Prints DIR.
vsoc_cached() {
	local dir=$1 tmp=$1.tmp
	shift
	if [ ! -f "$dir/.vsoc-done" ]; then
		rm -rf "$tmp"
		mkdir -p "$tmp"
		"$@" "$tmp" || vsoc_die "building $dir failed"
		touch "$tmp/.vsoc-done"
		rm -rf "$dir"
		mv "$tmp" "$dir"
	fi
	vsoc_prune "$dir"
	echo "$dir"
}

# vsoc_prune DIR: mark the cache entry DIR used now and delete its
# siblings that were not used for a week (old keys, never to be hit again).
vsoc_prune() {
	local old
	touch "$1/.vsoc-used"
	find "$(dirname "$1")" -mindepth 2 -maxdepth 2 -name .vsoc-used -mtime +7 |
		while read -r old; do
			vsoc_log "pruning unused cache entry $(dirname "$old")"
			rm -rf "$(dirname "$old")"
		done
}

# vsoc_key FILE...: short hash of files and standard input.
vsoc_key() {
	{ cat; cat "$@"; } | sha256sum | cut -c1-12
}

# Variables set on make's command line ("make check-static W=2 ARCH=x86
# -s") reach these scripts in the environment and in MAKEFLAGS, and from
# there every nested make (test kernel, modules, dkms). Drop them, but
# for the settings of these scripts (FLAVOUR, VSOC_*), and make's own
# variables; also the kbuild knobs a shell may have exported.
vsoc_clean_make_env() {
	local v
	case "${MAKEFLAGS-}" in
	*'-- '*)
		for v in ${MAKEFLAGS#*-- }; do
			case "$v" in *=*) ;; *) continue ;; esac
			v=${v%%=*}
			case "$v" in FLAVOUR | VSOC_*) continue ;; esac
			[[ $v =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] && unset "$v"
		done ;;
	esac
	unset MAKEFLAGS MAKEOVERRIDES MFLAGS MAKELEVEL GNUMAKEFLAGS MAKE_TERMOUT \
		MAKE_TERMERR ARCH CROSS_COMPILE W C V O KCFLAGS KCPPFLAGS \
		KBUILD_OUTPUT KBUILD_EXTMOD KBUILD_EXTRA_SYMBOLS LLVM CHECK \
		CHECKFLAGS INSTALL_MOD_PATH INSTALL_MOD_DIR
}
vsoc_clean_make_env
