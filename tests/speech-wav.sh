#!/bin/sh
# Reading aloud checked in sound, without a sound card: `trin speak --output` renders the first page of
# every bundled wizard in Danish, English, Turkish, Ukrainian and Arabic into a WAV file (the text in the
# language's own script), and sox measures it.  Each is 16-bit mono, not silent (its RMS and peak
# amplitude above a floor), and as long as its words take to say: from half to three times words / 2.5
# seconds.  A faster --rate gives a shorter file, and --volume 0 a silent
# one.  The text measured is the one `trin speak --print` prints: what the synthesizer was handed.
# Skipped (77) when sox is missing or trin cannot read aloud here (built without espeak-ng, or the
# library or its data is not installed).
#
#   speech-wav.sh TRIN
set -u
trin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 99
command -v sox >/dev/null 2>&1 && command -v soxi >/dev/null 2>&1 || { echo "sox is not installed: skipped"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
if ! "$trin" --lang en speak --output "$tmp/probe.wav" wizards/besoeg.yaml velkommen 2>"$tmp/err"; then
	if grep -q "Reading aloud is not available" "$tmp/err"; then
		echo "trin cannot read aloud here: skipped"
		exit 77
	fi
	cat "$tmp/err"
	exit 1
fi
fail=0
# measure WAV WORDS: RMS and peak above a floor, the length within 0.5x to 3x of WORDS / 2.5 seconds
measure() {
	sox "$1" -n stat 2>"$tmp/stat" || { echo "$1: sox cannot read it"; return 1; }
	[ "$(soxi -c "$1")" = 1 ] && [ "$(soxi -b "$1")" = 16 ] || { echo "$1: not 16-bit mono"; return 1; }
	awk -v words="$2" -v name="$3" '
		/^Length \(seconds\)/ { len = $3 }
		/^RMS +amplitude/ { rms = $3 }
		/^Maximum amplitude/ { max = $3 }
		END {
			want = words / 2.5
			if (rms < 0.02 || max < 0.2) { printf "%s: silent (RMS %s, peak %s)\n", name, rms, max; exit 1 }
			if (len < 0.5 * want || len > 3 * want) {
				printf "%s: %s s for %d words (from %.1f to %.1f s)\n", name, len, words, 0.5 * want, 3 * want
				exit 1
			}
		}' "$tmp/stat"
}
for wizard in wizards/*.yaml; do
	step=$(sed -n 's/^  - id: *//p' "$wizard" | head -n 1)
	for lang in da en tr uk ar; do
		name="$wizard $step --lang $lang"
		if ! "$trin" --lang "$lang" speak --print "$wizard" "$step" >"$tmp/text" ||
			! "$trin" --lang "$lang" speak --output "$tmp/page.wav" "$wizard" "$step"; then
			echo "$name: trin speak failed"
			fail=1
			continue
		fi
		measure "$tmp/page.wav" "$(wc -w <"$tmp/text")" "$name" || fail=1
		case $lang in	# the page in its own script: Cyrillic (lead bytes D0, D1), Arabic (D8, D9)
		uk) script=$(printf '[\320\321]') ;;
		ar) script=$(printf '[\330\331]') ;;
		*) script=. ;;
		esac
		LC_ALL=C grep -q "$script" "$tmp/text" || { echo "$name: the text is not in the language's script"; fail=1; }
	done
done
# the rate and the volume are the voice's
"$trin" --lang da speak --rate 120 --output "$tmp/slow.wav" wizards/virksomhedsform.yaml ejere || fail=1
"$trin" --lang da speak --rate 320 --output "$tmp/fast.wav" wizards/virksomhedsform.yaml ejere || fail=1
slow=$(soxi -s "$tmp/slow.wav") fast=$(soxi -s "$tmp/fast.wav")
[ "$fast" -lt $((slow * 2 / 3)) ] || { echo "--rate 320 is not shorter: $fast samples against $slow"; fail=1; }
"$trin" --lang da speak --volume 0 --output "$tmp/mute.wav" wizards/virksomhedsform.yaml ejere || fail=1
peak=$(sox "$tmp/mute.wav" -n stat 2>&1 | awk '/^Maximum amplitude/ { print $3 }')
awk -v p="$peak" 'BEGIN { exit !(p < 0.01) }' || { echo "--volume 0 is not silent: peak $peak"; fail=1; }
# a file that cannot be written: said, and the status for files
"$trin" --lang en speak --output "$tmp/no/such/dir.wav" wizards/virksomhedsform.yaml ejere 2>"$tmp/err"
status=$?
if [ "$status" != 4 ] || ! grep -q "trin: cannot write $tmp/no/such/dir.wav: " "$tmp/err"; then
	echo "unwritable: status $status"
	cat "$tmp/err"
	fail=1
fi
[ "$fail" = 0 ] && echo "speech-wav: every page is heard, as long as its words"
exit "$fail"
