#!/bin/sh
# Line mode prints plain text whatever it is fed: walk each wizard given with a cycle of ordinary answers,
# words, help and back, and hostile lines (escape sequences, C1 controls, bad UTF-8, a line longer than
# trin takes), and check that the output holds no byte below 0x20 but newline, no DEL, no C1 control, and
# no line wider than the width asked for; and that trin ends with status 0 or 1.
#
#   line-bytes.sh TRIN WIZARD...
set -u
trin=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 99
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8 TRIN_LOCALEDIR=/nonexistent
unset LC_ALL LC_MESSAGES
{
	printf '\n?\n'
	printf 'Ada \033[31mred\033[0m \033]0;title\007 \302\233 2J\n'
	printf '\377\376 not UTF-8\n'
	head -c 10050 /dev/zero | tr '\0' x
	printf '\n'
	i=0
	while [ $i -lt 40 ]; do
		printf '1\n\n2\n1 2\nyes\n40000\n27-02-2027\nAda\n12345678\n?\n<\n1\n1\n\n'
		i=$((i + 1))
	done
} >"$tmp/typed"
fail=0
for width in 72 30; do
	for w in "$@"; do
		COLUMNS=$width "$trin" --plain "$w" <"$tmp/typed" >"$tmp/out" 2>"$tmp/err"
		status=$?
		if [ $status -gt 1 ]; then
			echo "$w: exit $status"
			cat "$tmp/err"
			fail=1
		fi
		bad=$(LC_ALL=C tr -d '\n\040-\176\200-\377' <"$tmp/out" | wc -c)
		c1=$(LC_ALL=C grep -c "$(printf '\302[\200-\237]')" "$tmp/out")
		wide=$(LC_ALL=C.UTF-8 wc -L <"$tmp/out")
		if [ "$bad" -ne 0 ] || [ "$c1" -ne 0 ] || [ "$wide" -gt $width ]; then
			echo "$w (COLUMNS=$width): $bad control bytes, $c1 lines with C1 controls, widest line $wide"
			fail=1
		fi
	done
done
[ $fail -eq 0 ] && echo "line mode printed plain text for $# wizards"
exit $fail
