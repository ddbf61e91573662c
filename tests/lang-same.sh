#!/bin/sh
# An answers file means one thing (trin(1), ANSWERS FILE): `trin run --json` over every answers file of
# tests/run/, and `trin test` over the bundled wizards and the scenarios of tests/scenario/, print the same
# and end with the same status under --lang da, en and tr, under LANGUAGE, LANG and LC_ALL that choose
# Danish or Turkish, and under LC_ALL=C, as under the test suite's own environment.  Each way of choosing
# is first seen to take effect: `trin --help` is in Danish or Turkish under it.
#
#   lang-same.sh TRIN
set -u
trin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 99
trin=$(cd "$(dirname "$trin")" && pwd)/$(basename "$trin")
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0

# The ways of choosing a language: an option of trin's, or variables set (separated by ",").
ways='--lang=da --lang=en --lang=tr LANGUAGE=da,LANG=da_DK.UTF-8 LANGUAGE=tr:da,LC_ALL=tr_TR.UTF-8
LC_ALL=da_DK.UTF-8 LC_ALL=C'

# trin under one way of choosing (WAY, "-" for the suite's own), standard output and status into FILE.
run_as() {
	way=$1 file=$2
	shift 2
	case $way in
	-) "$trin" "$@" >"$file" 2>/dev/null ;;
	--lang=*) "$trin" "$way" "$@" >"$file" 2>/dev/null ;;
	*)
		# shellcheck disable=SC2046 # the variables are words on purpose
		env $(echo "$way" | tr ',' ' ') "$trin" "$@" >"$file" 2>/dev/null ;;
	esac
	echo "--- exit $?" >>"$file"
}

# The same output and status in every way as in the suite's own.
same() {
	run_as - "$tmp/want" "$@"
	for way in $ways; do
		run_as "$way" "$tmp/got" "$@"
		if ! cmp -s "$tmp/want" "$tmp/got"; then
			echo "differs under $way: trin $*" >&2
			diff -u "$tmp/want" "$tmp/got" >&2
			fail=1
		fi
	done
}

run_as - "$tmp/english" --help
for way in $ways; do
	case $way in *en | *=C) continue ;; esac
	run_as "$way" "$tmp/help" --help
	if cmp -s "$tmp/english" "$tmp/help"; then
		echo "$way does not choose a language: trin --help is as in English" >&2
		fail=1
	fi
done

n=0
for answers in tests/run/*.answers.yaml; do
	wizard=$(sed -n 's/^# wizard: *//p' "$answers")
	same run --json --answers "$answers" "$wizard"
	n=$((n + 1))
done
for wizard in wizards/*.yaml tests/scenario/notation.yaml tests/scenario/expect.yaml tests/good/values-in-text.yaml \
	tests/scenario/functions-11.yaml tests/good/expr-11.yaml tests/good/rettelse.yaml; do
	same test "$wizard"
	n=$((n + 1))
done
same test --scenario tests/scenario/recorded.yaml wizards/besoeg.yaml
[ "$n" -ge 12 ] || { echo "only $n walks compared" >&2; fail=1; }
exit "$fail"
