#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Stage the kernel's own network selftests for the board:
#   stage-selftests.sh DIR
# copies, from the source tree of the test kernel (tests/board/kernel.sh
# extracts it), tools/testing/selftests/{net/lib.sh, net/net_helper.sh,
# net/forwarding/, drivers/net/hw/*.sh} into DIR/selftests with the same
# layout (the scripts find their libraries by relative paths), and
# builds msend/mreceive into DIR/selftests/mtools. Share DIR
# with the board (vm.sh -s DIR); tests/guest/switch-selftests.sh copies it
# to the guest's /tmp and writes its forwarding.config there.
set -euo pipefail
. "$(dirname "$0")/../board/common.sh"

dst=${1:?usage: stage-selftests.sh DIR}
"$VSOC_TOP/tests/board/kernel.sh" >/dev/null || vsoc_die "no test kernel source"
src=$(vsoc_ksrc_dir)/tools/testing/selftests
[ -f "$src/net/forwarding/lib.sh" ] || vsoc_die "no selftests in $src"
rm -rf "$dst/selftests"
mkdir -p "$dst/selftests/net" "$dst/selftests/drivers/net/hw"
cp "$src/net/lib.sh" "$src/net/net_helper.sh" "$dst/selftests/net/"
cp -r "$src/net/forwarding" "$dst/selftests/net/"
cp "$src"/drivers/net/hw/*.sh "$dst/selftests/drivers/net/hw/"
# A config left in the source tree would override the guest's.
rm -f "$dst/selftests/net/forwarding/forwarding.config"
vsoc_ksrc_version >"$dst/selftests/VERSION"
# msend/mreceive compiled for the board (tests/switch/mtools/mtools.c):
# mtools.py needs about 0.8 s to start there, and mc_join() gives
# mreceive 1 s. Without a cross compiler the guest uses mtools.py.
mt=$dst/selftests/mtools
mkdir -p "$mt"
if "${VSOC_ARCH_CROSS}gcc" -O2 -Wall -static -o "$mt/mtools" \
	"$VSOC_TOP/tests/switch/mtools/mtools.c" 2>"$mt/build.log"; then
	ln -s mtools "$mt/msend"
	ln -s mtools "$mt/mreceive"
else
	echo "stage-selftests.sh: no compiled mtools, mtools.py stands in" >&2
fi
