#!/bin/sh
# The tutorial in README.md, run as written: its wizard loads clean, and the sessions it shows print
# exactly what the README says they print.
#
#   readme-example.sh TRIN
set -u
trin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
awk '/^## Ten minutes/ { on = 1 } on && /^```yaml$/ { inside = 1; next } inside && /^```$/ { exit } inside { print }' \
	"$root/README.md" >"$tmp/kaffe.yaml"
# each "$ command" block: the commands and what follows them
awk '/^## Ten minutes/ { on = 1 } on && /^```sh$/ { inside = 1; n++; next } inside && /^```$/ { inside = 0; next }
	inside { print > ("'"$tmp"'/session" n) }' "$root/README.md"
[ -s "$tmp/kaffe.yaml" ] || { echo "no wizard found in the README tutorial"; exit 1; }
# a later wizard of the tutorial names its file on its first line: "# runde.yaml"
awk '/^## Ten minutes/ { on = 1 } /^## / && !/^## Ten minutes/ { on = 0 } on && /^```yaml$/ { inside = 1; n++; next }
	inside && /^```$/ { inside = 0; next } inside && n > 1 && /^# [a-z-]*\.yaml$/ { file = substr($0, 3); next }
	inside && n > 1 && file { print > ("'"$tmp"'/" file) }' "$root/README.md"
for f in "$tmp"/*.yaml; do
	out=$("$trin" check "$f" 2>&1) || { echo "a tutorial wizard does not load clean:"; echo "$out"; exit 1; }
	[ -z "$out" ] || { echo "trin check printed: $out"; exit 1; }
	"$trin" test "$f" >/dev/null 2>&1 || { echo "the scenarios of $(basename "$f") fail"; exit 1; }
done
[ -s "$tmp/runde.yaml" ] || { echo "no repeated group found in the README tutorial"; exit 1; }
cd "$tmp" || exit 99
out=$("$trin" check kaffe.yaml 2>&1) || { echo "the tutorial wizard does not load clean:"; echo "$out"; exit 1; }
[ -z "$out" ] || { echo "trin check printed: $out"; exit 1; }
status=0
found=0
for s in session*; do
	grep -q '^\$ ' "$s" || continue
	found=$((found + 1))
	: >expected
	: >got
	while IFS= read -r line; do
		case $line in
		'$ '*)
			cmd=${line#\$ }
			cmd=$(printf '%s' "$cmd" | sed "s#build/trin#$trin#g")
			sh -c "$cmd" >>got 2>&1 ;;
		*) printf '%s\n' "$line" >>expected ;;
		esac
	done <"$s"
	diff -u expected got || { echo "the README tutorial shows something else than trin prints ($s)"; status=1; }
done
[ "$found" -ge 2 ] || { echo "expected at least two sessions in the tutorial, found $found"; exit 1; }
exit $status
