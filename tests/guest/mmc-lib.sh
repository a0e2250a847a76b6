# SPDX-License-Identifier: GPL-2.0
# Shared by the sdhci-vsoc guest scripts (tests/guest/mmc-*.sh); sourced
# after /vsoc/tests/lib.sh.

MMC_DRV=/sys/bus/platform/drivers/sdhci-vsoc
MMC_NODE=mmc@3000
MMC_DEV=/dev/mmcblk0

# The model's debugfs directory of the block.
mmc_model() { ls -d /sys/kernel/debug/vsoc-sim/*/"$MMC_NODE" 2>/dev/null | head -n 1; }

# The driver's platform device name (as in $MMC_DRV/).
mmc_pdev() { basename "$(ls -d /sys/bus/platform/devices/*"$MMC_NODE"* 2>/dev/null | head -n 1)"; }

# The mmc host the block's card hangs off: mmc0, mmc1...
mmc_host() {
	local h
	for h in /sys/class/mmc_host/mmc*; do
		[ -e "$h" ] || continue
		case $(readlink -f "$h") in
		*"$MMC_NODE"*) basename "$h"; return 0 ;;
		esac
	done
	return 1
}

# mmc_ios FIELD: the text in parentheses of FIELD in the host's ios file,
# e.g. mmc_ios "timing spec" -> "mmc HS400 enhanced strobe"; for "clock"
# and "actual clock" the number of Hz.
mmc_ios() {
	local f
	f=/sys/kernel/debug/$(mmc_host)/ios
	case $1 in
	clock | "actual clock") sed -n "s/^$1:[[:space:]]*\([0-9]*\) Hz/\1/p" "$f" ;;
	*) sed -n "s/^$1:[[:space:]]*[0-9]* (\(.*\))$/\1/p" "$f" ;;
	esac
}

# The block device of the card: present and readable.
mmc_wait_card() { wait_for "${1:-20}" "[ -b $MMC_DEV ] && dd if=$MMC_DEV of=/dev/null bs=4k count=1 2>/dev/null"; }

# Unbind and bind the driver: the card goes through a full initialisation.
mmc_rebind() {
	local d
	d=$(mmc_pdev)
	echo "$d" >"$MMC_DRV/unbind" && echo "$d" >"$MMC_DRV/bind" && mmc_wait_card 30
}

# mmc_stat NAME: a counter of the model's stats file ("name value" lines).
mmc_stat() { sed -n "s/^$1:*[[:space:]]\+//p" "$(mmc_model)/stats"; }

# The modes a board with the given DT must reach.
mmc_check_mode() { # PREFIX TIMING VOLTAGE CLOCK
	t_eq "$1-timing" "$(mmc_ios "timing spec")" "$2"
	t_eq "$1-voltage" "$(mmc_ios "signal voltage")" "$3"
	t_eq "$1-bus-width" "$(mmc_ios "bus width")" "8 bits"
	t_eq "$1-clock" "$(mmc_ios "actual clock")" "$4"
}

# Write N MiB of random data at MiB offset OFF of the device with O_DIRECT,
# read it back (dropping caches first) and compare.
mmc_rw_verify() { # NAME OFF_MIB N_MIB [DEV]
	local dev=${4:-$MMC_DEV} ok=1
	if [ ! -b "$dev" ]; then
		t_fail "$1" "no block device $dev"
		return
	fi
	head -c "$(($3 << 20))" /dev/urandom >/tmp/rw.in
	dd if=/tmp/rw.in of="$dev" bs=1M seek="$2" oflag=direct conv=fsync status=none || ok=0
	echo 3 >/proc/sys/vm/drop_caches
	dd if="$dev" of=/tmp/rw.out bs=1M skip="$2" count="$3" iflag=direct status=none || ok=0
	if [ $ok = 1 ] && cmp -s /tmp/rw.in /tmp/rw.out; then
		t_pass "$1"
	else
		t_fail "$1" "$3 MiB at $2 MiB of $dev did not read back as written"
	fi
	rm -f /tmp/rw.in /tmp/rw.out
}
