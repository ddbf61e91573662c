#!/bin/sh
# The manual pages render without a single warning in both mandoc and groff.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
status=0
for page in "$root"/man/*.[0-9]; do
	out=$(mandoc -T lint -W warning "$page" 2>&1) || status=1
	[ -z "$out" ] || { printf '%s\n' "$out"; status=1; }
	out=$(groff -man -ww -z "$page" 2>&1) || status=1
	[ -z "$out" ] || { printf '%s: %s\n' "$page" "$out"; status=1; }
done
exit $status
