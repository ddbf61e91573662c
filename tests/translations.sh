#!/bin/sh
# `trin check` names every text a shipped catalogue lacks: kaffe.yaml with a catalogue beside it (made
# here from en.po, which translates two of its texts), compared with translations.expected.
#
#   translations.sh TRIN
set -u
trin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/locale/en/LC_MESSAGES" || exit 99
cp "$here/translations/kaffe.yaml" "$tmp/" || exit 99
msgfmt --check -o "$tmp/locale/en/LC_MESSAGES/kaffe.mo" "$here/translations/en.po" || exit 99
"$here/expect.sh" "$here/translations/expected" sh -c 'cd "$1" && "$2" check kaffe.yaml' - "$tmp" "$trin"
