#!/bin/sh
# The wizards' templates and catalogues, for the meson targets wizards-pot and wizards-update-po.
#
#   update.sh TRIN pot|update-po DOMAIN=WIZARD...
#
# pot writes po/wizards/DOMAIN/DOMAIN.pot with `trin pot`; update-po does that, then merges each LANG.po
# of LINGUAS with it (msgmerge), or starts it (msginit) when it is missing.
set -eu
trin=$1
what=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
for pair in "$@"; do
	domain=${pair%%=*}
	wizard=${pair#*=}
	dir=po/wizards/$domain
	"$trin" pot --output "$dir/$domain.pot" "$wizard"
	[ "$what" = update-po ] || continue
	for lang in $(sed 's/#.*//' "$dir/LINGUAS"); do
		if [ -f "$dir/$lang.po" ]; then
			msgmerge --quiet --update --backup=none "$dir/$lang.po" "$dir/$domain.pot"
		else
			msginit --no-translator --locale="$lang" --input="$dir/$domain.pot" --output-file="$dir/$lang.po"
		fi
	done
done
