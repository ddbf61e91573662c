#!/bin/sh
# A translation whose {name}s do not match its text, each kind once, and one with a direction control left
# open (tests/translations/names.po):
#  - trin check reports each at the catalogue's .po beside the wizard, line and column;
#  - without the .po, at the compiled catalogue, naming the text;
#  - trin run in that language shows such a text as written, not a translation with braces in it;
#  - trin pot flags the texts with {name}s, so that msgfmt --check refuses the same translations in a
#    catalogue made from the template.
# The transcript is compared with translation-names.expected.
#
#   translation-names.sh TRIN
set -u
trin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/locale/en/LC_MESSAGES" || exit 99
cp "$here/translations/names.yaml" "$tmp/" || exit 99
cp "$here/translations/names.po" "$tmp/en.po" || exit 99
msgfmt -o "$tmp/locale/en/LC_MESSAGES/navne.mo" "$here/translations/names.po" || exit 99
printf 'navn: Ida\nantal: 2\n' >"$tmp/svar.yaml"
cat >"$tmp/run" <<'SH'
cd "$1" || exit 99
echo "== trin check, with en.po beside the wizard"
"$2" check names.yaml 2>&1
rm en.po
echo "== trin check, with the compiled catalogue only"
"$2" check names.yaml 2>&1
echo "== trin --lang en run"
"$2" --lang en run --answers svar.yaml names.yaml 2>&1
echo "== msgfmt --check on a catalogue made from trin pot"
"$2" pot names.yaml >names.pot || exit 99
python3 - names.pot "$3" >made.po <<'PY' || exit 99
import re, sys
pot = open(sys.argv[1], encoding='utf-8').read()
po = open(sys.argv[2], encoding='utf-8').read()
def entries(text):
    out = {}
    for m in re.finditer(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', text, re.M):
        key = ''.join(re.findall(r'"(.*)"', m.group(1)))
        out[key] = m.group(2).rstrip('\n')
    return out
tr = entries(po)
def fill(m):
    key = ''.join(re.findall(r'"(.*)"', m.group(1)))
    return 'msgid ' + m.group(1) + 'msgstr ' + (tr.get(key, '""') if key else m.group(2).rstrip('\n')) + '\n'
sys.stdout.write(re.sub(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', fill, pot, flags=re.M))
PY
msgfmt --check -o /dev/null made.po 2>&1 | grep -v 'warning: header field' | sed 's/^made.po:[0-9]*: //'
SH
exec "$here/expect.sh" "$here/translation-names.expected" sh "$tmp/run" "$tmp" "$trin" "$here/translations/names.po"
