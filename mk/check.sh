#!/bin/sh
# check.sh - run every test program and end with one line "N passed, N failed".
# Each program is a CppUTest runner; its summary line gives the counts.
# A program that dies without a summary counts as one failed test.
total_pass=0
total_fail=0
for prog in "$@"; do
    name=$(basename "$prog")
    echo "==== $name"
    out=$(mktemp)
    "$prog" -v 2>&1 | tee "$out"
    summary=$(grep -E '^(OK|Errors) \(' "$out" | tail -1)
    if [ -z "$summary" ]; then
        echo "$name: ended without a summary (crashed?)"
        total_fail=$((total_fail + 1))
    else
        ran=$(echo "$summary" | sed -n 's/.* \([0-9][0-9]*\) ran,.*/\1/p')
        failed=$(echo "$summary" | sed -n 's/^Errors (\([0-9][0-9]*\) failures\{0,1\},.*/\1/p')
        [ -z "$failed" ] && failed=0
        total_pass=$((total_pass + ran - failed))
        total_fail=$((total_fail + failed))
    fi
    rm -f "$out"
done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
