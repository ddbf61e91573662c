#!/bin/sh
# Graphviz accepts what `trin graph` writes: draw each wizard as SVG with dot and fail on any complaint.
#
#   graph-svg.sh TRIN WIZARD...
#
# Skipped (status 77) where Graphviz is not installed.
set -u
trin=$1
shift
command -v dot >/dev/null 2>&1 || { echo "dot not found: install graphviz"; exit 77; }
cd "$(dirname "$0")/.." || exit 99
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
status=0
for w in "$@"; do
	"$trin" graph "$w" >"$tmp/g.dot" || { echo "$w: trin graph failed"; status=1; continue; }
	if ! dot -Tsvg "$tmp/g.dot" >"$tmp/g.svg" 2>"$tmp/err" || [ -s "$tmp/err" ]; then
		echo "$w: dot refused the graph:"
		cat "$tmp/err"
		status=1
	fi
	grep -q '<svg' "$tmp/g.svg" || { echo "$w: no SVG"; status=1; }
done
exit $status
