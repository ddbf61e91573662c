#!/bin/sh
# Every example in trin(5) marked with the comment line
#   .\" tested
# just above its .EX block is a whole wizard: it must load clean with `trin check` and pass its own
# scenarios with `trin test`, so that the page cannot drift from the program.  A block marked
#   .\" tested: bad
# must instead fail `trin check`, and the lines of the .EX block that follows it (the messages the page
# shows) must be what trin prints, with the file named example.yaml.
#
#   man-tested.sh TRIN
set -u
trin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
# Write each marked block to $tmp/N.yaml (and, for bad ones, the next block to $tmp/N.expected).
awk -v dir="$tmp" '
	/^\.\\" tested/ { n++; bad = ($0 ~ /tested: bad/); want = 1; out = dir "/" n ".yaml"
			  if (bad) { printf "" > (dir "/" n ".bad") }; next }
	/^\.EX/ && want { inside = 1; want = 0; if (bad) { bad = 0; nexp = 1 } else nexp = 0; next }
	/^\.EX/ && nexp == 2 { inside = 1; nexp = 0; out = dir "/" n ".expected"; next }
	/^\.EE/ { inside = 0; if (nexp == 1) nexp = 2; next }
	inside { print > out }
' "$root/man/trin.5"
# The roff escapes of the page undone in file $1, as man-example.sh undoes them.
unroff() {
	sed -i -e 's/\\-/-/g' -e "s/\\\\(aq/'/g" -e 's/\\(dq/"/g' -e 's/\\e/\\/g' "$1"
}
count=0
failed=0
for f in "$tmp"/*.yaml; do
	[ -e "$f" ] || break
	n=$(basename "$f" .yaml)
	unroff "$f"
	cp "$f" "$tmp/example.yaml"
	count=$((count + 1))
	if [ -e "$tmp/$n.bad" ]; then
		unroff "$tmp/$n.expected"
		(cd "$tmp" && "$trin" check example.yaml >got 2>&1)
		rc=$?
		if [ "$rc" -eq 0 ] || ! diff -u "$tmp/$n.expected" "$tmp/got"; then
			echo "tested example $n of trin(5) (a bad one) does not fail as the page shows (exit $rc):" >&2
			cat "$tmp/example.yaml" >&2
			failed=$((failed + 1))
		fi
		continue
	fi
	if ! (cd "$tmp" && "$trin" check example.yaml && "$trin" test example.yaml >/dev/null); then
		echo "tested example $n of trin(5) does not load clean or fails its scenarios:" >&2
		cat "$tmp/example.yaml" >&2
		failed=$((failed + 1))
	fi
done
echo "$count tested examples, $failed failed"
[ "$count" -gt 0 ] && [ "$failed" -eq 0 ]
