#!/bin/sh
# Every catalogue passes `msgfmt --check` and is complete: trin's own (po/LANG.po) against a template made
# now from the C sources, each wizard's (po/wizards/DOMAIN/LANG.po) against a template made now with
# `trin pot`.  A string changed in the code or in a wizard fails here until its translations follow.
#
#   po-check.sh TRIN
set -u
trin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 99
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0
xgettext --package-name=trin -f po/POTFILES -D . -o "$tmp/trin.pot" --keyword=_ --keyword=N_ \
	--from-code=UTF-8 --add-comments=TRANSLATORS: || exit 99
check() {	# check PO POT
	if ! msgfmt --check --output-file=/dev/null "$1"; then
		echo "$1: msgfmt --check fails" >&2
		fail=1
	elif ! msgcmp "$1" "$2"; then
		echo "$1: does not translate every string of its template" >&2
		fail=1
	fi
}
for lang in $(sed 's/#.*//' po/LINGUAS); do
	check "po/$lang.po" "$tmp/trin.pot"
done
sed -n "s/^ *'\([a-z_]*\)' : '\(wizards\/[^']*\)',\$/\1 \2/p" po/wizards/meson.build >"$tmp/domains"
[ -s "$tmp/domains" ] || { echo "no wizard domains in po/wizards/meson.build" >&2; exit 99; }
while read -r domain wizard; do
	"$trin" pot --output "$tmp/$domain.pot" "$wizard" || { fail=1; continue; }
	for lang in $(sed 's/#.*//' "po/wizards/$domain/LINGUAS"); do
		check "po/wizards/$domain/$lang.po" "$tmp/$domain.pot"
	done
done <"$tmp/domains"
[ "$fail" = 0 ] && echo "po-check: every catalogue is valid and complete"
exit "$fail"
