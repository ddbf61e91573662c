#!/bin/sh
# List the files under DIR (relative to the source root) whose names end in SUFFIX, one per line, sorted.
# Used by meson at configure time; re-run `meson setup --reconfigure` after adding a file.
cd "$(dirname "$0")/.." || exit 1
for f in "$1"/*"$2"; do
	[ -e "$f" ] && printf '%s\n' "$f"
done
exit 0
