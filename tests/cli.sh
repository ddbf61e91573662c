#!/bin/sh
# Every command the usage names is one trin runs: for each NAME of a line `trin NAME ...` of `trin --help`
# (and each NAME after a "|" there), `trin NAME` alone, where no file has that name, ends with status 0 or
# 2 (its usage, or what it lacks), where a name trin did not know would be taken for a wizard that cannot
# be opened (status 3).  The usage and the dispatch come from one table (src/cmd.c); this checks it from
# outside.
#
#   cli.sh TRIN
set -u
trin=$1
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8
unset LC_ALL LC_MESSAGES
trin=$(cd "$(dirname "$trin")" && pwd)/$(basename "$trin")
"$trin" --help >"$tmp/usage" || { echo "trin --help failed" >&2; exit 1; }
sed -n 's/^\(Usage:\)\{0,1\} *trin \([^[ ][^ ]*\)\(.*\)$/\2\3/p' "$tmp/usage" |
	awk '{ print $1; for (i = 2; i < NF; i++) if ($i == "|") print $(i + 1) }' >"$tmp/names"
[ "$(wc -l <"$tmp/names")" -ge 8 ] || { echo "too few commands in the usage:" >&2; cat "$tmp/names" >&2; exit 1; }
fail=0
mkdir "$tmp/empty" && cd "$tmp/empty" || exit 99
while read -r name; do
	timeout 10 "$trin" "$name" </dev/null >"$tmp/out" 2>"$tmp/err"
	status=$?
	if { [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; } || grep -q 'cannot open' "$tmp/err"; then
		echo "trin $name: status $status" >&2
		head -n 3 "$tmp/err" >&2
		fail=1
	fi
done <"$tmp/names"
[ "$fail" = 0 ] && echo "cli: $(tr '\n' ' ' <"$tmp/names")each run"
exit "$fail"
