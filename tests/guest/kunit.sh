#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the board: load every KUnit module of the project and count each
# test case of each suite from its KTAP results in debugfs.
. /vsoc/tests/lib.sh

kunit=/sys/kernel/debug/kunit
mods=$(find "/lib/modules/$(uname -r)/extra" -name '*-kunit.ko' -printf '%f\n' | sed 's/\.ko$//' | sort)
if [ -z "$mods" ]; then
	t_fail modules "no KUnit module was built"
	exit 0
fi

for m in $mods; do
	before=$(ls "$kunit" 2>/dev/null)
	if ! modprobe "$m"; then
		t_fail "$m" "modprobe failed"
		continue
	fi
	suites=$(comm -13 <(echo "$before") <(ls "$kunit"))
	if [ -z "$suites" ]; then
		t_fail "$m" "no suite appeared in $kunit"
		continue
	fi
	for s in $suites; do
		res=$kunit/$s/results
		sed 's/^/    /' "$res"
		# Test cases are the indented result lines; the suite's own
		# line is not indented.
		cases=$(grep -cE '^[[:space:]]+(not )?ok [0-9]+ ' "$res")
		if [ "$cases" -eq 0 ]; then
			t_fail "$s" "suite ran no test case"
			continue
		fi
		while read -r st _ _ name rest; do
			case "$st" in
			ok)
				case "$rest" in
				*'# SKIP'*) t_skip "$s.$name" "${rest#*# SKIP}" ;;
				*) t_pass "$s.$name" ;;
				esac ;;
			not) t_fail "$s.$name" ;;
			esac
		done < <(grep -E '^[[:space:]]+(not )?ok [0-9]+ ' "$res" |
			 sed -E 's/^[[:space:]]+not ok/not x/; s/^[[:space:]]+ok/ok x/')
	done
	modprobe -r "$m" || t_fail "$m-unload" "modprobe -r failed"
done
t_done
