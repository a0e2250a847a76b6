#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Fail (status 1) if a board run shows a splat. Usage:
#
#   splat.sh [-k] [-p] RUNDIR    a run directory of tests/board/vm.sh
#   splat.sh LOG                 a kernel log file alone
#
# Each finding is printed as "splat: DETECTOR: what" (on stderr), so that
# a test can tell which detector fired. Detectors:
#
#   log lines (RUNDIR/dmesg, the whole ring buffer saved by the guest
#   after everything else, and the kernel lines of RUNDIR/console, the
#   serial stream the host kept, which also holds what came after):
#     lockdep, irq, oom, kasan, kmemleak, ubsan, slub, rcu, hung-task,
#     soft-lockup, atomic-sleep, odebug, list, dma-api, oops, panic, bug,
#     warn, calltrace (in this order; a line counts for the first match)
#   facts the guest wrote after the command:
#     log          RUNDIR/dmesg does not start with the boot banner (the
#                  ring buffer wrapped or was cleared: a splat may be lost)
#     taint        a taint flag in RUNDIR/tainted other than O, E and N
#                  (out-of-tree, unsigned, and KUnit's test taint)
#     debug_locks  lockdep turned itself off (RUNDIR/lockdep_stats)
#     kmemleak     RUNDIR/kmemleak lists unreferenced objects; with -k
#                  (kmemleak was on) a missing report is a finding too
#     facts        a fact the guest should have written is missing
#
# -p: partial run (the board did not finish): report what is there, do
# not require the facts.
set -u
kmemleak=
partial=
while getopts kp opt; do
	case $opt in
	k) kmemleak=1 ;;
	p) partial=1 ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
arg=${1:-}

found=0
finding() { # detector what
	printf 'splat: %s: %s\n' "$1" "$2" >&2
	found=1
}

# detector<TAB>extended regex, first match wins.
detectors=$(cat <<'EOF'
lockdep	WARNING: (possible (circular|recursive) locking|possible irq lock inversion|inconsistent lock state|lock held when returning|.*-safe -> .*-unsafe lock order|.* still has locks held|Nested lock was not taken|bad (contention|unlock balance)|chain_key collision|held lock freed)|INFO: trying to register non-static key|BUG: (MAX_LOCK|key .* has not been registered|looking up invalid subclass)|locking dependency detected
rcu	suspicious RCU usage|detected stall|rcu_.*stall
irq	irq [0-9]+: nobody cared|Disabling IRQ #
oom	invoked oom-killer|Out of memory|oom-kill:|oom_reaper:
kasan	KASAN
kmemleak	kmemleak: [0-9]+ new suspected memory leak
ubsan	UBSAN
slub	\] BUG [^ ]+ \(|Redzone overwritten|Poison overwritten|Freepointer corrupt
hung-task	INFO: task .* blocked for more than
soft-lockup	soft lockup|hard LOCKUP
atomic-sleep	sleeping function called from invalid context|scheduling while atomic
odebug	ODEBUG
list	list_(add|del) corruption|list_del corruption
dma-api	DMA-API: .*(device driver|out of memory|cacheline)
oops	Oops|Unable to handle kernel|Internal error:|kernel BUG at|SError Interrupt
panic	Kernel panic
bug	BUG:
warn	WARNING:
calltrace	Call trace:
EOF
)

scan() { # FILE LABEL: report matching lines of FILE (already filtered)
	# The patterns go in through the environment: awk -v would eat
	# their backslashes.
	DETS=$detectors awk -v label="$2" '
	BEGIN {
		n = split(ENVIRON["DETS"], d, "\n")
		for (i = 1; i <= n; i++) {
			split(d[i], f, "\t")
			name[i] = f[1]; re[i] = f[2]
		}
	}
	{
		for (i = 1; i <= n; i++)
			if ($0 ~ re[i]) {
				printf "splat: %s: %s: %s\n", name[i], label, $0
				break
			}
	}' "$1"
}

report() { # lines of findings on stdin
	local line any=0
	while IFS= read -r line; do
		printf '%s\n' "$line" >&2
		any=1
	done
	[ $any -eq 0 ] || found=1
}

if [ -f "$arg" ]; then
	report < <(scan "$arg" "$(basename "$arg")")
	[ $found -eq 0 ] || echo "[vsoc] splat in the kernel log $arg" >&2
	exit $found
fi
if [ ! -d "$arg" ]; then
	echo "[vsoc] splat check: no run directory or log at ${arg:-?}" >&2
	exit 1
fi
dir=$arg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The kernel log: the guest's dmesg, then the console's kernel lines
# that it does not hold (printed after it was saved, or it was never
# saved).
touch "$tmp/dmesg"
if [ -f "$dir/dmesg" ]; then
	cp "$dir/dmesg" "$tmp/dmesg"
elif [ -z "$partial" ]; then
	finding facts "the guest saved no kernel log ($dir/dmesg)"
fi
if [ -f "$dir/console" ]; then
	grep -aE '^\[ *[0-9]+\.[0-9]+\] ' "$dir/console" |
		awk -v seen="$tmp/dmesg" 'FILENAME == seen { s[$0] = 1; next } !($0 in s)' \
			"$tmp/dmesg" - >"$tmp/console"
fi
report < <(scan "$tmp/dmesg" dmesg; [ -f "$tmp/console" ] && scan "$tmp/console" console)

# The log must be whole: the first record is the boot banner.
if [ -f "$dir/dmesg" ] && [ ! -s "$tmp/dmesg" ]; then
	finding log "the saved kernel log is empty (cleared?)"
elif [ -s "$tmp/dmesg" ]; then
	if ! head -n 1 "$tmp/dmesg" | grep -qE '^\[ *0\.0+\] Booting Linux on physical CPU' ||
	   ! head -n 5 "$tmp/dmesg" | grep -q 'Linux version'; then
		finding log "the kernel log does not start with the boot banner (wrapped or cleared): '$(head -n 1 "$tmp/dmesg" | cut -c1-100)'"
	fi
fi

# Taint flags, as /proc/sys/kernel/tainted had them after the command.
letters=PFSRMBUDAWCIOELKXTN
ignore=$(( (1 << 12) | (1 << 13) | (1 << 18) ))   # O, E, N
if [ -s "$dir/tainted" ]; then
	t=$(tr -dc 0-9 <"$dir/tainted")
	bad=$(( ${t:-0} & ~ignore ))
	if [ "$bad" -ne 0 ]; then
		flags=
		for ((i = 0; i < ${#letters}; i++)); do
			(( bad & (1 << i) )) && flags+=${letters:i:1}
		done
		(( bad >> ${#letters} )) && flags+="?"
		finding taint "$flags (tainted=$t)"
	fi
elif [ -z "$partial" ]; then
	finding facts "the guest recorded no taint flags ($dir/tainted)"
fi

# lockdep switches itself off after its first report, or when it runs
# out of room: later locking bugs would go unseen.
if [ -s "$dir/lockdep_stats" ]; then
	dl=$(awk '$1 == "debug_locks:" { print $2 }' "$dir/lockdep_stats")
	if [ "$dl" != 1 ]; then
		finding debug_locks "lockdep is off (debug_locks ${dl:-missing} in lockdep_stats)"
	fi
fi

# kmemleak's report, read after two scans past its minimum object age.
if [ -s "$dir/kmemleak" ]; then
	finding kmemleak "$(grep -c '^unreferenced object' "$dir/kmemleak") unreferenced objects:"
	head -n 40 "$dir/kmemleak" | sed 's/^/    | /' >&2
elif [ -n "$kmemleak" ] && [ -z "$partial" ] && [ ! -f "$dir/kmemleak" ]; then
	finding kmemleak "kmemleak was on but the guest wrote no report: $(cat "$dir/kmemleak.err" 2>/dev/null)"
fi

if [ $found -ne 0 ]; then
	# Context of the first log finding: the report and its stack.
	first=$(scan "$tmp/dmesg" dmesg | head -n 1 | sed 's/^splat: [^:]*: dmesg: //')
	if [ -n "$first" ]; then
		echo "[vsoc] first report in the kernel log:" >&2
		grep -aF -x -A 25 -- "$first" "$tmp/dmesg" | head -n 26 | sed 's/^/    | /' >&2
	fi
	echo "[vsoc] splat in the guest ($dir)" >&2
fi
exit $found
