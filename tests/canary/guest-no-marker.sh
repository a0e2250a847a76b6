#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Harness fixture: a guest test script that returns early with status 0,
# before its end marker. tests/board/run-guest.sh must fail it.
. /vsoc/tests/lib.sh
t_pass before-return
exit 0
