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
# ethtool_lib.sh reads the link modes from /usr/include/linux/ethtool.h,
# which the board has not: the kernel's uapi header, mounted there by
# tests/guest/switch-selftests.sh.
mkdir -p "$dst/selftests/include/linux"
cp "$(vsoc_ksrc_dir)/include/uapi/linux/ethtool.h" "$dst/selftests/include/linux/"
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

# bridge_igmp_timers_x3.sh: bridge_igmp.sh with the bridge timers its
# IGMPv3 EXCLUDE-mode tests cut to seconds (last member interval 5 s,
# query/response/membership intervals 1/1/5 s then 5/5/15 s) and the
# sleep that waits them out three times as long. Each of these tests
# runs a dozen `bridge mdb show | jq` checks and several forwarding
# probes (0.3-0.6 s and 1-2 s each on the board, a fork and exec under
# TCG) before or while its timers expire: at 5 s the timers run out
# mid-check, on the software bridge over veth as on the switch. The
# values the tests restore (the bridge's defaults) stay as they are.
igmp=$dst/selftests/net/forwarding/bridge_igmp
perl -pe '
	BEGIN { %keep = (last_member => 100, query => 12500,
			 query_response => 1000, membership => 26000); }
	$fn = $1 if /^(\w+)\(\)/;
	s{\b(mcast_(\w+)_interval) (\d+)\b}{
		($keep{$2} // -1) == $3 ? "$1 $3" : ($n++, "$1 " . $3 * 3)[1]
	}ge;
	$n++ if $fn eq "v3exc_timeout_test" && s/^(\s*sleep) 5$/$1 15/;
	END { print STDERR "$n\n"; }' "$igmp.sh" >"$igmp"_timers_x3.sh 2>"$igmp.n"
# Three tests set the last member interval, one sets three intervals
# twice and sleeps once: 3 + 6 + 1 changes, else the script changed.
[ "$(cat "$igmp.n")" = 10 ] ||
	vsoc_die "bridge_igmp.sh: $(cat "$igmp.n") timer changes for the x3 copy, not 10"
rm -f "$igmp.n"
chmod +x "$igmp"_timers_x3.sh
