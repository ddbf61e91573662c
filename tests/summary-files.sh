#!/bin/sh
# The take-away summary: a walk of wizards/virksomhedsform.yaml in line mode to its end writes the summary
# given with --summary, which must read exactly as tests/line/virksomhedsform.summary, have mode 0600, and
# never replace a file that is there (trin says so and exits 4); with --summary-dir, typing "save" at the
# end writes a new file in the folder each time, never over another.
#
#   summary-files.sh TRIN
set -u
trin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 99
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1795651200
# English chrome over the wizards' own (Danish) texts: no catalogues, as English needs none
export TRIN_LOCALEDIR=/nonexistent
unset LC_ALL LC_MESSAGES COLUMNS
fail() {
	echo "summary-files: $*"
	exit 1
}
# what trin printed without line ends and spaces, so a message is found however it was wrapped
joined() {
	tr -d '\n ' <"$1"
}
wizard=wizards/virksomhedsform.yaml
printf '\n1\n3\n2\n40000\n\n\n' >"$tmp/typed"

"$trin" --plain --summary "$tmp/summary.txt" "$wizard" <"$tmp/typed" >"$tmp/out" 2>&1 || fail "exit $? with --summary"
joined "$tmp/out" | grep -qF "Asummaryissavedin$tmp/summary.txt." || fail "no message of the summary saved"
if [ "${TRIN_UPDATE:-}" = 1 ]; then
	cp "$tmp/summary.txt" tests/line/virksomhedsform.summary
fi
diff -u tests/line/virksomhedsform.summary "$tmp/summary.txt" || fail "the summary differs"
[ "$(stat -c %a "$tmp/summary.txt")" = 600 ] || fail "mode $(stat -c %a "$tmp/summary.txt"), not 600"
bad=$(LC_ALL=C tr -d '\n\040-\176\200-\377' <"$tmp/summary.txt" | wc -c)
[ "$bad" -eq 0 ] || fail "$bad control bytes in the summary"
[ "$(LC_ALL=C.UTF-8 wc -L <"$tmp/summary.txt")" -le 72 ] || fail "a line of the summary is wider than 72"

# never over a file that is there
echo keep >"$tmp/kept.txt"
"$trin" --plain --summary "$tmp/kept.txt" "$wizard" <"$tmp/typed" >"$tmp/out" 2>&1
status=$?
[ $status -eq 4 ] || fail "exit $status writing over a file, not 4"
[ "$(cat "$tmp/kept.txt")" = keep ] || fail "a file was written over"
joined "$tmp/out" | grep -qF "Thesummarycouldnotbesaved:$tmp/kept.txt:Fileexists" || fail "no message of the file that is there"
[ "$(ls "$tmp" | wc -l)" -eq 4 ] || fail "files left behind: $(ls "$tmp")"

# into a folder, from the end: a new name each time
mkdir "$tmp/dir"
printf '\n1\n3\n2\n40000\n\nsave\nsave\n\n' >"$tmp/typed2"
"$trin" --plain --summary-dir "$tmp/dir" "$wizard" <"$tmp/typed2" >"$tmp/out" 2>&1 || fail "exit $? with --summary-dir"
[ "$(ls "$tmp/dir")" = "virksomhedsform-2026-11-26-2.txt
virksomhedsform-2026-11-26.txt" ] || fail "files in the folder: $(ls "$tmp/dir")"
cmp -s "$tmp/dir/virksomhedsform-2026-11-26.txt" tests/line/virksomhedsform.summary || fail "the saved summary differs"
[ "$(stat -c %a "$tmp/dir/virksomhedsform-2026-11-26-2.txt")" = 600 ] || fail "mode not 600 in the folder"
joined "$tmp/out" | grep -qF "Asummaryissavedin$tmp/dir/virksomhedsform-2026-11-26-2.txt." || fail "no message of the second file"
echo "summary-files: ok"
