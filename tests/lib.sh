# SPDX-License-Identifier: GPL-2.0
# Test result helpers, for host and guest scripts alike; sourced.
#
# Every test ends in exactly one of t_pass, t_fail or t_skip. Results are
# printed and appended to $VSOC_RESULTS ("PASS|FAIL|SKIP name [reason]"),
# which tests/check.sh counts.

: "${VSOC_RESULTS:=/dev/null}"
: "${VSOC_GROUP:=test}"

t_record() { # status name [reason...]
	local st=$1 name=$VSOC_GROUP/$2
	shift 2
	printf '%s %s%s\n' "$st" "$name" "${*:+: $*}"
	printf '%s %s%s\n' "$st" "$name" "${*:+: $*}" >>"$VSOC_RESULTS"
}
t_pass() { t_record PASS "$@"; }
t_fail() { t_record FAIL "$@"; }
t_skip() { t_record SKIP "$@"; }

# t_check NAME CMD...: pass if CMD succeeds; its output is shown on failure.
t_check() {
	local name=$1 log
	shift
	log=$(mktemp)
	if "$@" >"$log" 2>&1; then
		t_pass "$name"
	else
		sed 's/^/    | /' "$log" | tail -n 40
		t_fail "$name" "'$*' failed"
	fi
	rm -f "$log"
}

# t_quiet NAME CMD...: pass if CMD succeeds and prints nothing, for tools
# that report findings as output but exit 0 (dtc warnings, dt-validate).
t_quiet() {
	local name=$1 log
	shift
	log=$(mktemp)
	if "$@" >"$log" 2>&1 && [ ! -s "$log" ]; then
		t_pass "$name"
	else
		sed 's/^/    | /' "$log" | tail -n 40
		t_fail "$name" "'$*' failed or reported findings"
	fi
	rm -f "$log"
}

# t_eq NAME GOT WANT
t_eq() {
	if [ "$2" = "$3" ]; then
		t_pass "$1"
	else
		t_fail "$1" "got '$2', want '$3'"
	fi
}

# wait_for SECONDS CONDITION: poll every 0.1 s until the shell command
# string CONDITION, evaluated anew each time, succeeds; status 1 if it
# never does. Quote it so that it is expanded at each try, e.g.
#   wait_for 5 '[ "$(count event)" -eq 3 ]'
wait_for() {
	local n=$(($1 * 10))
	while ! eval "$2"; do
		n=$((n - 1))
		[ $n -gt 0 ] || return 1
		sleep 0.1
	done
}

# t_done: the last line of every guest test script. Writes the end marker
# (not a result) that tests/board/run-guest.sh requires: a script that
# died or returned early has none, and its run fails.
VSOC_END_MARKER="END-OF-RESULTS"
t_done() { printf '%s %s\n' "$VSOC_END_MARKER" "$VSOC_GROUP" >>"$VSOC_RESULTS"; }
