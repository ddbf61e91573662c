#!/bin/sh
# The SYNOPSIS of trin(1) and the usage of `trin --help` name the same forms of the same commands with the
# same options: each line `trin NAME ...` of either is reduced to its command word and the sorted options
# (the words that begin with "--"; --lang, which --help explains apart, left out), and the two lists of
# lines must be equal.  A form or an option added to one and not the other fails here.
#
#   man-usage.sh TRIN
set -u
trin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8
unset LC_ALL LC_MESSAGES
# Words on standard input, one line a form, to "NAME --option ..." with the options sorted.
forms() {
	tr '[]|"' '    ' | awk '{
		name = ($2 ~ /^[a-z]+$/) ? $2 : "-"; n = 0
		for (i = 2; i <= NF; i++)
			if ($i ~ /^--[a-z]/ && $i != "--lang") opt[++n] = $i
		for (i = 2; i <= n; i++)	# insertion sort: awk has no portable sort
			for (j = i; j > 1 && opt[j - 1] > opt[j]; j--) { t = opt[j]; opt[j] = opt[j - 1]; opt[j - 1] = t }
		line = name; for (i = 1; i <= n; i++) line = line " " opt[i]
		print line }' | sort
}
# The usage: the lines before the first empty one, each form from its "trin" to the next.
"$trin" --help >"$tmp/usage" || { echo "trin --help failed" >&2; exit 1; }
sed -n '/^$/q; s/^Usage: //; s/^ *//; p' "$tmp/usage" |
	awk '/^trin / && NR > 1 { print line; line = "" } { line = line " " $0 } END { print line }' |
	sed 's/^ *//' | forms >"$tmp/help"
# The SYNOPSIS: its roff between ".SH SYNOPSIS" and the next ".SH", a form between two ".br".
sed -n '/^\.SH SYNOPSIS/,/^\.SH /p' "$root/man/trin.1" | sed -e '1d' -e '$d' -e 's/\\-/-/g' -e 's/^\.[A-Z]* *//' |
	awk '/^br$/ { print line; line = ""; next } { line = line " " $0 } END { print line }' |
	sed 's/^ *//' | forms >"$tmp/man"
[ "$(wc -l <"$tmp/help")" -ge 10 ] || { echo "too few forms in the usage:" >&2; cat "$tmp/help" >&2; exit 1; }
if ! diff -u "$tmp/man" "$tmp/help"; then
	echo "the SYNOPSIS of trin(1) (-) and trin --help (+) differ" >&2
	exit 1
fi
echo "man usage: $(wc -l <"$tmp/help") forms agree"
