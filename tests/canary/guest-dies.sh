#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Harness fixture: a guest test script that dies midway (status 3) after
# one result. tests/board/run-guest.sh must keep the result and fail.
. /vsoc/tests/lib.sh
t_pass before-death
exit 3
