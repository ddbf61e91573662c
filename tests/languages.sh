#!/bin/sh
# The languages trin lists come from the folders of its catalogues: a folder whose name holds an escape
# sequence is not a language, and a --lang with one is shown with the escape visible, never raw.
#
#   languages.sh TRIN
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
