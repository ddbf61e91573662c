#!/bin/sh
# Fuzz one harness for a budget of CPU time (not wall time: the machine is shared), in rounds of at most
# ten minutes that go on from the corpus the last left.  Crashes land in BUILD/crash/HARNESS/; each
# round's final statistics in BUILD/fuzz-HARNESS.log.  Ends with the total of executions and the last
# coverage.  Needs a build made with:  CC=clang meson setup BUILD -Dfuzz=true -Db_sanitize=address,undefined
# UndefinedBehaviorSanitizer's findings stop the round as a crash does (by default they are only printed).
# Never stop a fuzzer with SIGSTOP: the unit it was running then counts as a timeout or a slow unit.
#
#   nice -n 15 tests/fuzz/run.sh BUILD HARNESS CPU_SECONDS
set -eu
build=$1
name=$2
budget=$3
here=$(cd "$(dirname "$0")" && pwd)
[ -d "$build/corpus/$name" ] || "$here/seed.sh" "$build/corpus"
dict=
[ "$name" = load ] || [ "$name" = load-file ] && dict=-dict=$here/yaml.dict
[ "$name" = expr ] && dict=-dict=$here/expr.dict
[ "$name" = stats ] && dict=-dict=$here/stats.dict
[ "$name" = answers ] || [ "$name" = scenario ] && dict=-dict=$here/yaml.dict
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
mkdir -p "$build/crash/$name"
log=$build/fuzz-$name.log
: >"$log"
used=0
while [ "$used" -lt "$budget" ]; do
	left=$((budget - used))
	[ "$left" -gt 600 ] && left=600
	/usr/bin/time -f 'cpu %U %S' -o "$build/fuzz-$name.time" \
		"$build/tests/fuzz/fuzz-$name" $dict -max_total_time="$left" -print_final_stats=1 -rss_limit_mb=2048 \
		-timeout=10 -artifact_prefix="$build/crash/$name/" "$build/corpus/$name" >>"$log" 2>&1 || true
	if ! grep -q '^stat::number_of_executed_units: *[1-9]' "$log"; then
		tail -n 20 "$log" "$build/fuzz-$name.time"
		echo "$name: the harness ran nothing (it could not start?): stopped" >&2
		exit 1
	fi
	cpu=$(awk '/^cpu/ { printf "%d", $2 + $3 + 0.5 }' "$build/fuzz-$name.time")
	[ "$cpu" -lt 1 ] && cpu=1
	used=$((used + cpu))
	echo "$name: $used of $budget CPU seconds"
	ls "$build/crash/$name" | grep -q . && break
done
total=$(awk '/stat::number_of_executed_units/ { n += $2 } END { print n + 0 }' "$log")
cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
ft=$(grep -o 'ft: [0-9]*' "$log" | tail -n 1)
echo "$name: $total executions in $used CPU seconds; $cov, $ft; corpus $(ls "$build/corpus/$name" | wc -l) inputs;" \
	"crashes: $(ls "$build/crash/$name" | wc -l)"
