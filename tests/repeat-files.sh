#!/bin/sh
# A repeated group in the files a walk writes: a line-mode walk of tests/good/adgang-repeat.yaml that adds
# two people, goes back and removes one at the review writes a summary that lists the item left (exactly
# tests/line/repeat.summary), a result with the group as a list of objects (--output), and a recording
# (--record) that `trin test --scenario` replays to the same end.
#
#   repeat-files.sh TRIN
set -u
trin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 99
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1795651200
export TRIN_LOCALEDIR=/nonexistent
unset LC_ALL LC_MESSAGES COLUMNS
fail() {
	echo "repeat-files: $*"
	exit 1
}
wizard=tests/good/adgang-repeat.yaml
grep -v '^# ' tests/line/repeat.input >"$tmp/typed"
"$trin" --plain --summary "$tmp/summary.txt" --output "$tmp/out.json" --record "$tmp/walk.yaml" "$wizard" \
	<"$tmp/typed" >"$tmp/out" 2>&1 || fail "exit $? from the walk"
diff -u tests/line/repeat.summary "$tmp/summary.txt" || fail "the summary differs"
grep -qF '"personer": [{"navn": "Bodil", "forhold": "ven"}]' "$tmp/out.json" || fail "no list of objects in --output"
grep -qF 'personer: [{"navn": "Bodil", "forhold": "ven"}]' "$tmp/walk.yaml" || fail "no list of maps in --record"
"$trin" test --scenario "$tmp/walk.yaml" "$wizard" >"$tmp/replay" 2>&1 || { cat "$tmp/replay"; fail "the recording does not replay"; }
grep -q '^PASS' "$tmp/replay" || fail "the replay did not pass"
exit 0
