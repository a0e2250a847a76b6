#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The virtual board itself: "make vm CMD=..." runs a command on an arm64
# board, the vsoc-sim plumbing works end to end (tests/guest/board-smoke.sh),
# the userspace the driver groups need works on the test kernel
# (tests/guest/board-userspace.sh), and the dummy block's fault paths
# (DMA timeout, abort, recovery, fault injection) behave as the template
# for every driver (tests/guest/board-faults.sh).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"

# What a user of "make vm CMD=..." sees: the command's output and status
# (the pipeline's status would be tail's, so make's is taken first).
out=$(make -s -C "$top" vm CMD='uname -m' 2>/dev/null)
st=$?
t_eq make-vm-uname "$(printf '%s\n' "$out" | tail -n 1)" aarch64
t_eq make-vm-uname-status "$st" 0
# make turns any failure into 2; the board script keeps the status.
"$top/tests/board/vm.sh" -c 'exit 3' >/dev/null 2>&1
t_eq vm-exit-status "$?" 3

"$top/tests/board/run-guest.sh" tests/guest/board-smoke.sh
"$top/tests/board/run-guest.sh" tests/guest/board-userspace.sh
"$top/tests/board/run-guest.sh" tests/guest/board-faults.sh
