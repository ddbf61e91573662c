#!/bin/sh
# One line-mode transcript: the input file names its wizard and extra arguments in comments at the top,
#   # wizard: tests/line/all.yaml
#   # args: --guide
#   # catalogues: built          (optional: the build tree's catalogues, not none)
# and the rest of it is typed, line by line, into `trin --plain`.  What trin prints is compared with the
# .expected file beside it (tests/expect.sh), and must hold no byte below 0x20 but newline.
#
#   line-case.sh TRIN tests/line/NAME.input
#   line-case.sh --feed FILE COMMAND [ARG...]	(inside: run COMMAND with FILE as its standard input)
set -u
if [ "$1" = --feed ]; then
	feed=$2
	shift 2
	exec "$@" <"$feed"
fi
trin=$1
input=$2
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 99
wizard=$(sed -n 's/^# wizard: *//p' "$input")
args=$(sed -n 's/^# args: *//p' "$input")
[ -n "$wizard" ] || { echo "$input: no '# wizard:' line" >&2; exit 99; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
grep -v '^# \(wizard\|args\|catalogues\): ' "$input" >"$tmp/typed"
export LANGUAGE=en LANG=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1795651200
# English chrome over the wizards' own (Danish) texts: no catalogues, as English needs none; unless the
# input says "# catalogues: built", for the build tree's
export TRIN_LOCALEDIR=/nonexistent
grep -q '^# catalogues: built$' "$input" && unset TRIN_LOCALEDIR
unset LC_ALL LC_MESSAGES COLUMNS
# shellcheck disable=SC2086 # args is a list of words on purpose
"$root/tests/expect.sh" "${input%.input}.expected" "$0" --feed "$tmp/typed" "$trin" --plain $args "$wizard" || exit 1
# the transcript is what trin printed: it must be plain text
bad=$(LC_ALL=C tr -d '\n\040-\176\200-\377' <"${input%.input}.expected" | wc -c)
[ "$bad" -eq 0 ] || { echo "$input: $bad control bytes in the output" >&2; exit 1; }
