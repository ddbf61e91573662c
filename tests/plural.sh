#!/bin/sh
# Plural forms (1.1): tests/good/plural.yaml walked with counts 1, 2 and 5, in its own language and in
# English from a catalogue whose Plural-Forms has three forms (tests/translations/plural-en.po); then
# with catalogues whose rule cannot be used (a division by zero, a form past nplurals, a syntax error,
# nesting past the bound), where the wizard's own texts are shown.  Compared with plural.expected.
#
#   plural.sh TRIN
set -u
trin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/locale/en/LC_MESSAGES" || exit 99
sed 's/^title: Hvor mange er I?$/id: plural\n&/' "$here/good/plural.yaml" >"$tmp/plural.yaml" || exit 99
cat >"$tmp/run" <<'SH'
cd "$1" || exit 99
for n in 1 2 5; do printf 'antal: %s\n' "$n" >"a$n.yaml"; done
echo "== as written"
for n in 1 2 5; do "$2" run --answers "a$n.yaml" plural.yaml | sed -n '/^  /p'; done
for rule in 'nplurals=3; plural=n == 1 ? 0 : (n == 2 ? 1 : 2);' 'nplurals=2; plural=n / 0;' \
	'nplurals=2; plural=n + 5;' 'nplurals=2; plural=(n == 1;' \
	"nplurals=2; plural=$(printf '%.0s(' $(seq 40))n$(printf '%.0s)' $(seq 40));"; do
	echo "== Plural-Forms: $rule"
	sed "s|^\"Plural-Forms: .*|\"Plural-Forms: $rule\\\\n\"|" "$3" >en.po
	msgfmt -o locale/en/LC_MESSAGES/plural.mo en.po || exit 99
	for n in 1 2 5; do "$2" --lang en run --answers "a$n.yaml" plural.yaml | sed -n '/^  /p'; done
done
SH
exec "$here/expect.sh" "$here/plural.expected" sh "$tmp/run" "$tmp" "$trin" "$here/translations/plural-en.po"
