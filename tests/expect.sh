#!/bin/sh
# Run a command from the source root and compare what it did with an expected transcript:
# its standard output, then "--- stderr" and its standard error, then "--- exit N".
#
#   expect.sh EXPECTED COMMAND [ARG...]
#
# With TRIN_UPDATE=1 in the environment the transcript is written to EXPECTED instead (review the diff).
set -u
expected=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$root" || exit 99
"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
status=$?
{
	cat "$tmp/out"
	echo "--- stderr"
	cat "$tmp/err"
	echo "--- exit $status"
} >"$tmp/got"
if [ "${TRIN_UPDATE:-}" = 1 ]; then
	cp "$tmp/got" "$expected"
	exit 0
fi
if ! diff -u "$expected" "$tmp/got"; then
	echo "transcript differs from $expected" >&2
	exit 1
fi
