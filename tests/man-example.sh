#!/bin/sh
# The EXAMPLE of trin(5), taken from the page itself, must load clean and walk as the page shows, so the
# page a newcomer learns from cannot drift from the program.
#
#   man-example.sh TRIN
set -u
trin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
# The n-th .EX block after ".SH EXAMPLE", with roff escapes undone.
block() {
	awk -v want="$1" '
		/^\.SH EXAMPLE/ { in_example = 1 }
		/^\.SH / && !/^\.SH EXAMPLE/ { in_example = 0 }
		in_example && /^\.EX/ { n++; inside = (n == want); next }
		/^\.EE/ { inside = 0 }
		inside { print }
	' "$root/man/trin.5" | sed -e 's/\\-/-/g' -e "s/\\\\(aq/'/g" -e 's/\\(dq/"/g' -e 's/\\e/\\/g'
}
block 1 >"$tmp/coffee.yaml"
block 2 >"$tmp/session"
cd "$tmp" || exit 99
sed -n '/^\$ cat answers.yaml$/,/^\$ trin run/p' session | sed '1d;$d' >answers.yaml
sed -n '/^\$ trin run/,$p' session | sed 1d >expected
for f in coffee.yaml answers.yaml expected; do
	[ -s "$f" ] || { echo "could not find $f in the EXAMPLE of trin(5)" >&2; exit 1; }
done
"$trin" check coffee.yaml || { echo "the example in trin(5) does not load clean" >&2; exit 1; }
"$trin" run --answers answers.yaml coffee.yaml >got 2>&1
diff -u expected got || { echo "trin run on the example in trin(5) prints something else" >&2; exit 1; }
