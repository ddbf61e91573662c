#!/bin/sh
# Names from outside that hold escape sequences reach no terminal raw.  The languages trin lists come
# from the folders of its catalogues: a folder whose name holds an escape is not a language, and a --lang
# with one is shown with the escape visible.  A wizard's file name with escapes is shown with them visible
# by trin check, trin test and trin run.
#
#   escapes.sh TRIN
set -u
trin=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
esc=$(printf '\033')
for lang in da "tr$esc[2J"; do
	mkdir -p "$tmp/$lang/LC_MESSAGES" || exit 99
	msgfmt --check -o "$tmp/$lang/LC_MESSAGES/trin.mo" "$here/../po/da.po" || exit 99
done
TRIN_LOCALEDIR=$tmp LANGUAGE=en LANG=C.UTF-8 "$trin" --lang "zz$esc]0;owned$(printf '\a')" --version >"$tmp/out" 2>&1
got=$(cat "$tmp/out")
want="trin: there is no translation to 'zz\\x1B]0;owned\\x07'. Languages: Dansk (da), English (en)"
if [ "$got" != "$want" ]; then
	printf 'got:  %s\nwant: %s\n' "$got" "$want" | cat -A >&2
	exit 1
fi

# a wizard whose file name holds escapes: every line that names it shows them as \x1B
{ echo "id: w"; cat "$here/good/minimal.yaml"; } >"$tmp/w$esc[2J.yaml" || exit 99	# an id: the name cannot be a domain
printf 'name: voksen\nanswers: {navn: Ada, alder: 40}\nend: barn\n' >"$tmp/s$esc]0;x$(printf '\a').yaml" || exit 99
printf 'navn: Ada\nalder: 40\n' >"$tmp/a.yaml" || exit 99
cd "$tmp" || exit 99
{
	"$trin" check --werror "w$esc[2J.yaml"
	"$trin" test --coverage "w$esc[2J.yaml"
	"$trin" test --scenario "s$esc]0;x$(printf '\a').yaml" "w$esc[2J.yaml"
	"$trin" run --answers a.yaml "w$esc[2J.yaml"
} >"$tmp/out" 2>&1
if LC_ALL=C grep -q "$esc" "$tmp/out"; then
	echo "an escape reached the output raw:" >&2
	cat -A "$tmp/out" >&2
	exit 1
fi
if ! grep -qF 'FAIL s\x1B]0;x\x07.yaml:3:6: voksen: ended at' "$tmp/out"; then
	echo "no FAIL line naming the scenario file with its escapes visible:" >&2
	cat "$tmp/out" >&2
	exit 1
fi

# an option's argument with escapes, in the message refusing it
{
	"$trin" --theme "x$esc[2J" "w$esc[2J.yaml"
	"$trin" check --format "x$esc[2J" "w$esc[2J.yaml"
	"$trin" graph --format "x$esc[2J" "w$esc[2J.yaml"
	"$trin" check --max-lix "x$esc[2J" "w$esc[2J.yaml"
} </dev/null >"$tmp/out" 2>&1
if LC_ALL=C grep -q "$esc" "$tmp/out"; then
	echo "an escape in an option's argument reached the output raw:" >&2
	cat -A "$tmp/out" >&2
	exit 1
fi
if [ "$(grep -cF "not 'x\\x1B[2J'" "$tmp/out")" -ne 4 ]; then
	echo "not four refusals showing the argument with its escape visible:" >&2
	cat -A "$tmp/out" >&2
	exit 1
fi

# an unknown option with escapes: getopt would print it raw
{
	"$trin" "--x$esc[2J" "w$esc[2J.yaml"
	"$trin" check "--x$esc[2J" "w$esc[2J.yaml"
	"$trin" test "--x$esc]0;x$(printf '\a')" "w$esc[2J.yaml"
} </dev/null >"$tmp/out" 2>&1
if LC_ALL=C grep -q "$esc" "$tmp/out"; then
	echo "an escape in an unknown option reached the output raw:" >&2
	cat -A "$tmp/out" >&2
	exit 1
fi
if [ "$(grep -cF "option without its value: '--x\\x1B" "$tmp/out")" -ne 3 ]; then
	echo "not three refusals showing the option with its escape visible:" >&2
	cat -A "$tmp/out" >&2
	exit 1
fi

# --second-lang is shown as "(da)" beside each text: one with escapes, or a path, is refused
for lang in "x$esc[2J" ../../x; do
	"$trin" --plain --second-lang "$lang" "w$esc[2J.yaml" </dev/null >"$tmp/out" 2>&1
	status=$?
	if [ "$status" -ne 2 ] || LC_ALL=C grep -q "$esc" "$tmp/out" ||
		! grep -q "^trin: --second-lang is a language code such as da, en or pt_BR, not '" "$tmp/out"; then
		echo "--second-lang $lang: status $status (want 2), and:" >&2
		cat -A "$tmp/out" >&2
		exit 1
	fi
done

# a wizard with a domain but no id: its id is its file's name, which trin graph and trin run --json print
rlo=$(printf '\342\200\256')	# U+202E RIGHT-TO-LEFT OVERRIDE
{ echo "domain: kaffe"; cat "$here/good/minimal.yaml"; } >"$tmp/v$rlo$esc[2J.yaml" || exit 99
"$trin" graph "v$rlo$esc[2J.yaml" >"$tmp/out" 2>&1
status=$?
if [ "$status" -ne 3 ] || LC_ALL=C grep -q "$esc\\|$rlo" "$tmp/out" ||
	! grep -qxF "v\\u202E\\x1B[2J.yaml:1:1: error: the file's name, the wizard's id without 'id', holds a control, format or private-use character or is not UTF-8: give the wizard an 'id'" "$tmp/out"; then
	echo "trin graph of a wizard whose file name is its id: status $status (want 3), and:" >&2
	cat -A "$tmp/out" >&2
	exit 1
fi
