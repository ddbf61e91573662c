#!/bin/sh
# Inputs too big or too strange to keep in the tree, made on the fly: each must give its diagnostic with
# a location and the invalid status (3), and nothing else.
#
#   hostile.sh TRIN CASE
set -u
trin=$1
case_=$2
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
gen() { python3 -c "import sys; sys.stdout.buffer.write($1)" >"$2"; }
case $case_ in
directory)
	mkdir w.yaml
	want='w.yaml: error: is a directory, not a wizard file' ;;
big-scalar)	# an 8 MiB scalar: refused by the file size limit before any parsing
	gen "b'trin: 1\ntitle: ' + b'x' * (8 << 20) + b'\n'" w.yaml
	want='w.yaml: error: file is 8388624 bytes; the limit is 1048576' ;;
many-keys)	# 300,000 keys in 600 KB (a flow mapping of keys without values): refused by the event limit
	gen "b'{' + b'a,' * 300000 + b'}'" w.yaml
	want='w.yaml:1:249999: error: more than 250000 YAML events (keys, values, lists); the limit is 250000' ;;
binary)
	gen "bytes(range(256)) * 4" w.yaml
	want='w.yaml:1:1: error: control character U+0000 in the file' ;;
alias-bomb)	# the billion laughs, refused at the first anchor; nothing is expanded
	gen "b'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n'" w.yaml
	want=$(printf '%s\n' \
		"w.yaml:1:4: error: anchors (&a) are not allowed in a wizard; write the text out" \
		"w.yaml:2:4: error: anchors (&b) are not allowed in a wizard; write the text out") ;;
missing)
	want='nope.yaml: error: cannot open: No such file or directory' ;;
*)
	echo "hostile.sh: unknown case $case_" >&2
	exit 99 ;;
esac
file=w.yaml
[ "$case_" = missing ] && file=nope.yaml
"$trin" check "$file" >out 2>err
status=$?
if [ "$status" -ne 3 ]; then
	echo "$case_: exit status $status, expected 3" >&2
	cat err >&2
	exit 1
fi
if [ -s out ]; then
	echo "$case_: unexpected standard output" >&2
	exit 1
fi
# every expected line must be there (an alias bomb reports more anchors, and the missing keys)
missing=$(printf '%s\n' "$want" | while IFS= read -r line; do grep -qxF -- "$line" err || echo x; done)
if [ -n "$missing" ]; then
	echo "$case_: got:" >&2
	head -n 5 err >&2
	echo "$case_: expected:" >&2
	printf '%s\n' "$want" >&2
	exit 1
fi
