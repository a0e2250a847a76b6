#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# "make demo": boot the virtual board, load the drivers, show them probed
# and working. Sets everything up on a fresh machine first.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
exec "$top/tests/board/vm.sh" -c 'bash /vsoc/tests/guest/demo.sh'
