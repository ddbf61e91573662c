#!/bin/sh
# Install into a DESTDIR and use the installed trin as a person would: it finds its own wizards with no
# environment variable, each of them passes its tests, the man pages are there, and the menu shows the
# bundled wizards in a real terminal.  The installed trin holds no path of the build machine (neither the
# source nor the build folder), and the trin of the build tree, run from elsewhere, still finds the wizards
# and catalogues of its trees.
#
#   install.sh BUILD_DIR TEST_SCREEN SOURCE_DIR
set -u
build=$1
screen=$2
source=$3
dest=$(mktemp -d) || exit 99
trap 'rm -rf "$dest"' EXIT
meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$dest/install.log" 2>&1 || {
	cat "$dest/install.log"
	echo "meson install failed"
	exit 1
}
bin=$(find "$dest" -type f -path '*/bin/trin' | head -n 1)
[ -x "$bin" ] || { echo "no installed trin under $dest"; exit 1; }
prefix=$(dirname "$(dirname "$bin")")
status=0
for page in man1/trin.1 man5/trin.5; do
	[ -f "$prefix/share/man/$page" ] || { echo "missing man page $page"; status=1; }
done
n=0
for w in "$prefix"/share/trin/wizards/*.yaml; do
	[ -f "$w" ] || continue
	n=$((n + 1))
	env -u TRIN_PATH "$bin" test "$w" >"$dest/test.log" 2>&1 || { cat "$dest/test.log"; status=1; }
done
[ "$n" -ge 5 ] || { echo "only $n wizards installed"; status=1; }
# the format's JSON Schema, for editors (README): installed, and JSON
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$prefix/share/trin/trin.schema.json" ||
	{ echo "the JSON Schema is not installed as JSON"; status=1; }
# the bytes of the installed trin, as `strings` would show them, name no folder of the build machine
for dir in "$source" "$build" "$(cd "$source" && pwd -P)" "$(cd "$build" && pwd -P)"; do
	if LC_ALL=C grep -a -F -q -e "$dir" "$bin"; then
		echo "the installed trin holds the path $dir"
		status=1
	fi
done
# the build tree's trin, from outside its trees: the bundled wizards, trin's catalogue and the wizards'
for lang in 'da:Vælg en guide' 'en:Get ready for your visit to the digital helper'; do
	(cd / && env -u TRIN_PATH -u TRIN_LOCALEDIR "$build/trin" --lang "${lang%%:*}" --plain </dev/null) >"$dest/menu" 2>&1
	grep -q -F "${lang#*:}" "$dest/menu" || { cat "$dest/menu"; echo "the build tree's trin did not show: ${lang#*:}"; status=1; }
done
# the menu of the installed trin, from outside any source tree
cd / && env -u TRIN_PATH "$screen" "$bin" "$prefix/share/trin" menu || status=1
exit $status
