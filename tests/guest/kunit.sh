#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board: load every KUnit module of the project and count each
# test case of each suite from its KTAP results in debugfs.
#
# What must run comes from the host (tests/board/modules.sh), which hands
# out the built modules with kunit-expected: one "<module> <suite>..."
# line for each KUnit module modules.mk gives the test kernel, with the
# suites modules.mk declares for it. A module that was not built or does
# not load, a declared suite that does not run and a suite that is not
# declared are failures.
. /vsoc/tests/lib.sh

kunit=/sys/kernel/debug/kunit
extra=/lib/modules/$(uname -r)/extra
expect=${VSOC_KUNIT_EXPECTED:-/mnt/modules/kunit-expected}

if [ ! -s "$expect" ]; then
	t_fail expected "no KUnit module expected ($expect missing or empty)"
	exit 0
fi

# Built KUnit modules nobody expects (modules.mk does not give them to
# this kernel) are failures too.
while read -r m; do
	grep -q "^$m\( \|\$\)" "$expect" || t_fail "$m" "built, but modules.mk does not give it to this kernel"
done < <(find "$extra" -name '*-kunit.ko' -printf '%f\n' | sed 's/\.ko$//' | sort)

# count_suite SUITE: one result per test case and one for the suite. The
# debugfs results: "1..1" for the suite, then, indented by 4, the suite's
# plan "1..N" and its N case lines "ok|not ok I NAME"; a parameterised
# case's sub-results are indented by 8. Last the suite's own line, "ok 1
# SUITE" or "not ok 1 SUITE", not indented.
count_suite() {
	local s=$1 res=$kunit/$1/results plan cases nums want_nums st rest line
	sed 's/^/    /' "$res"
	plan=$(sed -nE 's/^    1\.\.([0-9]+)$/\1/p' "$res" | head -n 1)
	cases=$(grep -E '^    (not )?ok [0-9]+ ' "$res")
	while read -r line; do
		[ -n "$line" ] || continue
		if [[ $line =~ ^(not\ )?ok\ [0-9]+\ ([^ ]+)(.*)$ ]]; then
			st=${BASH_REMATCH[1]:-ok} name=${BASH_REMATCH[2]} rest=${BASH_REMATCH[3]}
			if [ "$st" != ok ]; then
				t_fail "$s.$name"
			elif [[ $rest == *'# SKIP'* ]]; then
				rest=${rest#*# SKIP}
				t_skip "$s.$name" "${rest# }"
			else
				t_pass "$s.$name"
			fi
		fi
	done <<<"$cases"
	nums=$(sed -nE 's/^    (not )?ok ([0-9]+) .*/\2/p' <<<"$cases" | xargs)
	want_nums=$(seq -s ' ' 1 "${plan:-0}")
	line=$(grep -E "^(not )?ok 1 $s( |\$)" "$res")
	if [ -z "$plan" ] || [ "$plan" -eq 0 ]; then
		t_fail "$s" "no plan, or a plan of no case"
	elif [ "$nums" != "$want_nums" ]; then
		t_fail "$s" "plan 1..$plan, case lines numbered '$nums'"
	elif [ -z "$line" ]; then
		t_fail "$s" "no result line of the suite itself"
	elif [[ $line == not* ]]; then
		t_fail "$s" "$line"
	elif [[ $line == *'# SKIP'* ]]; then
		t_skip "$s" "${line#*# SKIP}"
	else
		t_pass "$s"
	fi
}

while read -r m suites; do
	[ -n "$m" ] || continue
	if [ -z "$suites" ]; then
		t_fail "$m" "modules.mk declares no suite ($m-suites)"
		continue
	fi
	if [ ! -e "$extra/$m.ko" ]; then
		t_fail "$m" "was not built"
		for s in $suites; do t_fail "$s" "$m was not built"; done
		continue
	fi
	before=$(ls "$kunit" 2>/dev/null)
	if ! modprobe "$m"; then
		t_fail "$m" "modprobe failed"
		for s in $suites; do t_fail "$s" "$m did not load"; done
		continue
	fi
	t_pass "$m"
	ran=$(comm -13 <(echo "$before") <(ls "$kunit"))
	for s in $ran; do
		case " $suites " in
		*" $s "*) ;;
		*) t_fail "$s" "ran, but modules.mk does not declare it ($m-suites)" ;;
		esac
	done
	for s in $suites; do
		if [ -r "$kunit/$s/results" ]; then
			count_suite "$s"
		else
			t_fail "$s" "declared for $m, did not run"
		fi
	done
	modprobe -r "$m" || t_fail "$m-unload" "modprobe -r failed"
done <"$expect"
t_done
