#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# KUnit suites of the project, on the virtual board.
exec "$(dirname "$0")/../board/run-guest.sh" tests/guest/kunit.sh
