#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The harness tests itself: "make vm CMD=..." passes the command
# verbatim; tests/board/vm.sh's statuses (122-125) mean what they say; a
# board that never starts, crashes, or loads a broken module fails; a
# guest script that dies or returns early fails in run-guest.sh; and each
# detector of tests/board/splat.sh fires on a canary that provokes it on
# purpose (tests/canary/vsoc-canary.c, userspace OOM, taint, log clear).
# A canary passes when its run fails the right way: status 125 with the
# right detector named. Boards run VSOC_HARNESS_JOBS (2) at a time.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"

vm=$top/tests/board/vm.sh
fixtures=$top/tests/canary
tmp=$(mktemp -d)
trap 'wait; rm -rf "$tmp"' EXIT

show() { sed 's/^/    | /' "$1" | tail -n 40; }

# expect NAME LOG WANT GOT [ERE...]: the run's status is WANT and its
# output (LOG) matches every ERE.
expect() {
	local name=$1 log=$2 want=$3 got=$4 p miss=
	shift 4
	for p in "$@"; do
		grep -qE -- "$p" "$log" || miss+=" '$p'"
	done
	if [ "$got" = "$want" ] && [ -z "$miss" ]; then
		t_pass "$name"
	else
		show "$log"
		t_fail "$name" "status $got (want $want)${miss:+; output lacks$miss}"
	fi
}

# bg ID CMD...: run CMD in the background, at most VSOC_HARNESS_JOBS at
# once; its output goes to $tmp/ID.log, its status to $tmp/ID.st.
bg() {
	local id=$1
	shift
	while [ "$(jobs -rp | wc -l)" -ge "${VSOC_HARNESS_JOBS:-2}" ]; do
		wait -n
	done
	("$@" >"$tmp/$id.log" 2>&1; echo $? >"$tmp/$id.st") &
}
# bg_expect NAME ID WANT [ERE...]: expect on a finished background run.
bg_expect() {
	local name=$1 id=$2
	shift 2
	expect "$name" "$tmp/$id.log" "$1" "$(cat "$tmp/$id.st" 2>/dev/null)" "${@:2}"
}

# --- make vm CMD=...: verbatim through make: quotes, $, #, a newline.
# (The first board: it builds the modules the parallel runs share.)
make -s -C "$top" vm CMD='echo "$(uname -m) $HOME '"'q'"' \"dq\" #h"
exit 7' >"$tmp/make.log" 2>&1
st=$?
if grep -qxF "aarch64 /root 'q' \"dq\" #h" "$tmp/make.log"; then
	t_pass make-vm-verbatim
else
	show "$tmp/make.log"
	t_fail make-vm-verbatim "the board did not get CMD as written"
fi
expect make-vm-fails "$tmp/make.log" 2 "$st" 'Error 7'

# --- Boards that never start or do not finish: status 124.
VSOC_VM_IMAGE=/nonexistent/Image "$vm" -c true >"$tmp/nok.log" 2>&1
expect vm-no-kernel "$tmp/nok.log" 124 $? 'QEMU failed'
VSOC_VM_TIMEOUT=2 "$vm" -c 'sleep 60' >"$tmp/tmo.log" 2>&1
expect vm-timeout "$tmp/tmo.log" 124 $? 'timed out'

# --- The canary module, also the broken project module of the tests.
if ! canary=$("$top/tests/canary/build.sh" 2>"$tmp/build.log"); then
	show "$tmp/build.log"
	t_fail canary-build "cannot build tests/canary"
	exit 0
fi
t_pass canary-build
trig='>/sys/kernel/debug/vsoc-canary/trigger'

# A crash: no end marker; the panic is read from the console stream.
bg crash "$vm" -c 'echo c >/proc/sysrq-trigger; sleep 5'
# A module that fails to load at boot fails the run (123), whatever the
# command says; the same board proves -d overlays are laid in order.
bg modfail "$vm" -m "$canary" -a vsoc_canary.init_fail=1 \
	-d "$fixtures/overlay-a.dtso" -d "$fixtures/overlay-b.dtso" \
	-c 'echo "layer=$(tr -d "\0" </proc/device-tree/vsoc-harness/vsoc-harness-layer)"'
# kmemleak on, the canary loaded and idle: a clean run, whose kmemleak
# report was read back (empty).
VSOC_KMEMLEAK=1 bg clean "$vm" -o "$tmp/clean" -m "$canary" -c \
	'test -e /sys/kernel/debug/vsoc-canary/trigger && echo canary-ready'

# run-guest.sh: the results of a script that died stay visible and the
# run fails; so does a script that returns early, a board that loads a
# broken module, and one that never starts. Results go to files of their
# own, checked below.
fixture() { # ID run-guest.sh-args...
	local id=$1
	shift
	: >"$tmp/$id.res"
	VSOC_RESULTS=$tmp/$id.res VSOC_GROUP=fixture bg "$id" \
		"$top/tests/board/run-guest.sh" "$@"
}
fixture dies tests/canary/guest-dies.sh
fixture nomark -m "$canary" -a vsoc_canary.init_fail=1 tests/canary/guest-no-marker.sh
VSOC_VM_IMAGE=/nonexistent/Image fixture noboard tests/guest/board-smoke.sh

# Canaries: each provokes one kind of splat on its own board.
bg warn "$vm" -m "$canary" -c "echo warn $trig"
bg calltrace "$vm" -m "$canary" -c "echo dump-stack $trig"
bg lockdep "$vm" -m "$canary" -c "echo lockdep $trig"
bg nonstatic "$vm" -m "$canary" -c "echo nonstatic $trig"
bg irq "$vm" -m "$canary" -c "echo irq $trig"
VSOC_KMEMLEAK=1 bg leak "$vm" -m "$canary" -c "echo leak $trig"
bg oom "$vm" -a mem=256M -c 'echo 1000 >/proc/self/oom_score_adj && tail /dev/zero'
bg taint "$vm" -c 'echo 64 >/proc/sys/kernel/tainted'
bg logclear "$vm" -c 'dmesg -C && echo vsoc-harness: log cleared >/dev/kmsg'
# The ring buffer holds far more than a run logs (1.7 MB here, 13 times
# the kernel's default): the saved log still starts with the banner.
bg logwhole "$vm" -c 'echo on >/proc/sys/kernel/printk_devkmsg && exec 3>/dev/kmsg &&
	for i in $(seq 4000); do printf "vsoc-harness: filler %s %0400d\n" "$i" 0 >&3; done'
wait

bg_expect vm-crash crash 124 'no end marker' '^splat: panic: console: .*Kernel panic'
bg_expect vm-module-fails modfail 123 'failed to load at boot: vsoc-canary'
bg_expect vm-dt-overlays modfail 123 '^layer=b$'
bg_expect canary-idle-clean clean 0 '^canary-ready$'
t_check kmemleak-report-read test -f "$tmp/clean/kmemleak"

# res_expect NAME ID ERE...: each ERE matches a line of ID's results.
res_expect() {
	local name=$1 id=$2 p miss=
	shift 2
	for p in "$@"; do
		grep -qE -- "$p" "$tmp/$id.res" || miss+=" '$p'"
	done
	if [ -z "$miss" ]; then
		t_pass "$name"
	else
		show "$tmp/$id.log"
		show "$tmp/$id.res"
		t_fail "$name" "results lack$miss"
	fi
}
res_expect run-guest-dies dies '^PASS fixture/before-death$' \
	'^FAIL fixture/guest-dies-end: the guest script exited with status 3$'
res_expect run-guest-no-marker nomark '^PASS fixture/before-return$' \
	'^FAIL fixture/guest-no-marker-end: .*without its end marker'
res_expect run-guest-module-fails nomark '^FAIL fixture/guest-no-marker-board: .*vsoc-canary'
if grep -q '^PASS' "$tmp/noboard.res"; then
	show "$tmp/noboard.res"
	t_fail run-guest-no-board "a board that never started passed something"
else
	res_expect run-guest-no-board noboard '^FAIL fixture/board-smoke-board: QEMU failed'
fi

bg_expect canary-warn warn 125 '^splat: warn: dmesg: .*WARNING: CPU' '^splat: taint: .*W'
bg_expect canary-calltrace calltrace 125 '^splat: calltrace: dmesg: .*Call trace:'
bg_expect canary-lockdep lockdep 125 \
	'^splat: lockdep: dmesg: .*possible circular locking dependency' '^splat: debug_locks: '
bg_expect canary-nonstatic-key nonstatic 125 \
	'^splat: lockdep: dmesg: .*INFO: trying to register non-static key'
bg_expect canary-irq-nobody-cared irq 125 '^splat: irq: dmesg: .*irq [0-9]+: nobody cared'
bg_expect canary-kmemleak leak 125 '^splat: kmemleak: [1-9][0-9]* unreferenced objects'
bg_expect canary-oom oom 125 '^splat: oom: dmesg: .*(invoked oom-killer|Out of memory)'
bg_expect canary-taint taint 125 '^splat: taint: U '
bg_expect canary-log-cleared logclear 125 '^splat: log: .*boot banner'
bg_expect vm-log-whole logwhole 0
