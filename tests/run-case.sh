#!/bin/sh
# One scripted run: the answers file names its wizard and extra arguments in comments at the top:
#   # wizard: wizards/besoeg.yaml
#   # args: --json
# and the transcript is compared with the .expected file beside it.
#
#   run-case.sh TRIN tests/run/NAME.answers.yaml
set -u
trin=$1
answers=$2
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 99
wizard=$(sed -n 's/^# wizard: *//p' "$answers")
args=$(sed -n 's/^# args: *//p' "$answers")
[ -n "$wizard" ] || { echo "$answers: no '# wizard:' line" >&2; exit 99; }
# shellcheck disable=SC2086 # args is a list of words on purpose
exec "$root/tests/expect.sh" "${answers%.answers.yaml}.expected" "$trin" run $args --answers "$answers" "$wizard"
