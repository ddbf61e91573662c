#!/bin/sh
# Files that are not what trin expects, and output that cannot be written: each case must end quickly (a
# sanity bound of 10 s catches a hang), with the status and message trin(1) documents, and leave what was
# at the path as it was.
#
#   io.sh TRIN CASE
#
# full-*: a command whose standard output is /dev/full ends with status 4 and says so on standard error.
# output-*, record-*, summary-*: a named pipe, a device or a link to one given to --output, --record or
# --summary is refused at once with status 4, and stays what it was.  stats-*: trin stats reads only a
# regular file, and never waits on one that is not.  numbers: every numeric option refuses what is out of
# its range, naming the option and the range, and takes both ends of it.  record-no-questions, record-loop:
# what --record writes reads back as a scenario, a loop's answers in order.  sensitive-*: a sensitive
# answer is in no file and shown masked but on its own step.
set -u
trin=$1
case_=$2
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 99
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8
unset LC_ALL LC_MESSAGES
wizard=wizards/besoeg.yaml
fail() {
	echo "io $case_: $*" >&2
	[ -s "$tmp/err" ] && { echo "stderr:" >&2; head -n 5 "$tmp/err" >&2; }
	exit 1
}
# run TRIN ARGS... with stdin from /dev/null, stderr to $tmp/err, bounded; sets $status
run() {
	timeout 10 "$trin" "$@" </dev/null 2>"$tmp/err"
	status=$?
	[ "$status" -ne 124 ] || fail "did not end within 10 s"
}
# full ARGS...: standard output on /dev/full
full() {
	[ -w /dev/full ] || { echo "io $case_: no /dev/full here"; exit 77; }
	run "$@" >/dev/full
	[ "$status" -eq 4 ] || fail "exit status $status with standard output on /dev/full, expected 4"
	grep -q '^trin: cannot write standard output' "$tmp/err" || fail "no message of the lost output"
}
# refused OPTION PATH TYPE: trin refuses PATH for OPTION at once, naming what it is, and leaves it alone
refused() {
	ls -ld "$2" >"$tmp/before"
	: >"$tmp/out"
	: >"$tmp/err"
	ls -A "$tmp" >"$tmp/files"
	run --plain "$1" "$2" "$wizard" >"$tmp/out"
	[ "$status" -eq 4 ] || fail "exit status $status, expected 4"
	grep -qxF "trin: $1 $2: $3, not a regular file" "$tmp/err" || fail "no message that $2 is $3"
	[ -s "$tmp/out" ] && fail "the wizard ran"
	ls -ld "$2" | cmp -s - "$tmp/before" || fail "$2 changed: $(ls -ld "$2")"
	ls -A "$tmp" | cmp -s - "$tmp/files" || fail "files left: $(ls -A "$tmp")"
}
# stats_refused PATH WHY
stats_refused() {
	run stats "$1" >"$tmp/out"
	[ "$status" -eq 4 ] || fail "exit status $status, expected 4"
	grep -qxF "trin: cannot read $1: $2" "$tmp/err" || fail "no message '$2'"
	[ -s "$tmp/out" ] && fail "a report was printed"
}
# number OPTION VALUE COMMAND...: VALUE is out of range, said so with the range
number() {
	option=$1
	value=$2
	shift 2
	run "$@" >/dev/null
	[ "$status" -eq 2 ] || fail "$option '$value': exit status $status, expected 2"
	grep -q "^trin.*: $option needs a whole number from [0-9]* to [0-9]*, not '$value'\$" "$tmp/err" ||
		fail "$option '$value': no message naming the option and its range"
}
bad_values='4294967297 99999999999999999999 18446744073709551616 -1 +5 0x10 1e3 5x x'
case $case_ in
full-run) full run --answers tests/run/besoeg.answers.yaml "$wizard" ;;
full-run-json) full run --json --answers tests/run/besoeg.answers.yaml "$wizard" ;;
full-test) full test "$wizard" ;;
full-graph) full graph "$wizard" ;;
full-check-json) full check --format json "$wizard" ;;
full-check-lix) full check --lix "$wizard" ;;
full-pot) full pot "$wizard" ;;
full-plain) full --plain "$wizard" ;;
full-help) full --help ;;
full-run-help) full run --help ;;
full-version) full --version ;;
full-stats)
	printf 'trin-stats 1\tbesoeg\tshown\tnavn\n' >"$tmp/stats"
	full stats "$tmp/stats" ;;
output-fifo)
	mkfifo "$tmp/out.json"
	refused --output "$tmp/out.json" "a named pipe (FIFO)" ;;
record-fifo)
	mkfifo "$tmp/walk.yaml"
	refused --record "$tmp/walk.yaml" "a named pipe (FIFO)" ;;
summary-fifo)
	mkfifo "$tmp/summary.txt"
	refused --summary "$tmp/summary.txt" "a named pipe (FIFO)" ;;
output-link-device)	# a link to /dev/null: neither replaced nor written through
	ln -s /dev/null "$tmp/out.json"
	refused --output "$tmp/out.json" "a symbolic link to a character device" ;;
record-link-stdout)	# /dev/stdout, on a pipe
	ln -s /dev/stdout "$tmp/walk.yaml"
	ls -ld "$tmp/walk.yaml" >"$tmp/before"
	timeout 10 "$trin" --plain --record "$tmp/walk.yaml" "$wizard" </dev/null 2>"$tmp/err" | cat >"$tmp/out"
	grep -qxF "trin: --record $tmp/walk.yaml: a symbolic link to a named pipe (FIFO), not a regular file" "$tmp/err" ||
		fail "no message that the link leads to a pipe"
	ls -ld "$tmp/walk.yaml" | cmp -s - "$tmp/before" || fail "the link changed" ;;
output-device)	# a device node of its own (not the system's /dev/null), where this user may make one
	mknod "$tmp/null" c 1 3 2>/dev/null || { echo "io $case_: cannot make a device node here"; exit 77; }
	refused --output "$tmp/null" "a character device" ;;
output-folder)
	mkdir "$tmp/out.json"
	refused --output "$tmp/out.json" "a folder" ;;
stats-fifo)	# would block for a writer
	mkfifo "$tmp/stats"
	stats_refused "$tmp/stats" "is not a regular file" ;;
stats-zero)	# would never end
	stats_refused /dev/zero "is not a regular file" ;;
stats-folder)
	stats_refused "$tmp" "Is a directory" ;;
stats-missing)
	stats_refused "$tmp/nope" "No such file or directory" ;;
record-no-questions)	# a walk without questions is recorded as a scenario that trin test reads back
	printf 'trin: 1\nid: noq\ntitle: No questions\nstart: hello\nsteps:\n  - id: hello\n    type: info\n' >"$tmp/w.yaml"
	printf '    title: Hello\n    next: done\n  - id: done\n    type: end\n    title: Done\n' >>"$tmp/w.yaml"
	printf '\n\n\n' | timeout 10 "$trin" --plain --record "$tmp/walk.yaml" "$tmp/w.yaml" >/dev/null 2>"$tmp/err" ||
		fail "the walk did not end"
	run test --scenario "$tmp/walk.yaml" "$tmp/w.yaml" >"$tmp/out"
	[ "$status" -eq 0 ] || fail "exit status $status replaying the recorded walk: $(cat "$tmp/out")" ;;
sensitive-files)	# a sensitive answer is in no file trin writes, nor in what the review and the end show
	w=tests/good/sensitive.yaml
	printf 'Ida\n010203-1234\n12345678\n\n\n' | timeout 10 "$trin" --plain --output "$tmp/out.json" \
		--summary "$tmp/summary.txt" --record "$tmp/walk.yaml" "$w" >"$tmp/screen" 2>"$tmp/err" ||
		fail "the walk did not end"
	for f in out.json summary.txt walk.yaml; do
		[ -s "$tmp/$f" ] || fail "no $f written"
		grep -q '010203\|1234' "$tmp/$f" && fail "$f holds a sensitive answer: $(cat "$tmp/$f")"
	done
	grep -q '^    "cpr": {"sensitive": true},$' "$tmp/out.json" || fail "out.json does not say cpr is sensitive"
	grep -q '^    "cpr_form": {"sensitive": true}$' "$tmp/out.json" || fail "out.json shows a value that reads cpr"
	grep -qx '    (hidden)' "$tmp/summary.txt" || fail "the summary does not show cpr hidden"
	grep -qx '# cpr is sensitive and not recorded: add a made-up answer to replay' "$tmp/walk.yaml" ||
		fail "the record does not say cpr was left out"
	# the review and the end show it masked; the field showed what was typed (the person's own echo)
	[ "$(grep -c '(hidden)' "$tmp/screen")" -eq 3 ] || fail "the review and the end do not show (hidden): $(cat "$tmp/screen")"
	[ "$(grep -c '010203\|12345678' "$tmp/screen")" -eq 2 ] || fail "the screen shows a sensitive answer after it was typed"
	# the recorded walk replays once a made-up answer is added
	run test --scenario "$tmp/walk.yaml" "$w" >"$tmp/out"
	grep -q "stopped at step 'cpr': no answer given" "$tmp/out" || fail "the record replays without cpr"
	sed -i 's/^answers:$/&\n  cpr: "111111-1111"\n  konto: 1/' "$tmp/walk.yaml"
	run test --scenario "$tmp/walk.yaml" "$w" >"$tmp/out"
	[ "$status" -eq 0 ] || fail "exit status $status replaying the recorded walk: $(cat "$tmp/out")" ;;
sensitive-back)	# back at its own step, line mode shows the answer to check, as the field does; elsewhere masked
	printf 'Ida\n010203-1234\nback\n\n12\n\n\n' | timeout 10 "$trin" --plain tests/good/sensitive.yaml \
		>"$tmp/screen" 2>"$tmp/err" || fail "the walk did not end"
	grep -qx 'Your answer: 010203-1234' "$tmp/screen" || fail "going back does not show what was typed"
	[ "$(grep -c '(hidden)' "$tmp/screen")" -eq 3 ] || fail "the review and the end do not show (hidden)" ;;
record-loop)	# a correction loop answered twice, with a step back and a refusal on the way: the list form replays
	printf 'Ada\nno\nBo\nback\nAda Lovelace\nyes\n200\n36\n2\n\n\n' |
		timeout 10 "$trin" --plain --record "$tmp/walk.yaml" tests/good/rettelse.yaml >/dev/null 2>"$tmp/err" ||
		fail "the walk did not end"
	{ printf '  - navn: "Ada"\n  - rigtigt: false\n  - navn: "Ada Lovelace"\n  - rigtigt: true\n  - alder: 36\n'
	printf '  - kontakt: "brev"\n'; } >"$tmp/want"
	grep -A6 '^answers:$' "$tmp/walk.yaml" | tail -n +2 | cmp -s - "$tmp/want" ||
		fail "not the answers in order: $(cat "$tmp/walk.yaml")"
	grep -q '^today: [0-9]\{4\}-[0-9][0-9]-[0-9][0-9]$' "$tmp/walk.yaml" || fail "no today recorded"
	run test --scenario "$tmp/walk.yaml" tests/good/rettelse.yaml >"$tmp/out"
	[ "$status" -eq 0 ] || fail "exit status $status replaying the recorded walk: $(cat "$tmp/out")"
	run run --answers "$tmp/walk.yaml" tests/good/rettelse.yaml >"$tmp/out"
	[ "$status" -eq 0 ] || fail "exit status $status running the recorded answers" ;;
numbers)
	for v in $bad_values 0 86401; do
		number --idle "$v" --kiosk --idle "$v" "$wizard"
	done
	for v in $bad_values 19 86401; do
		number --warn "$v" --kiosk --warn "$v" "$wizard"
	done
	for v in $bad_values 101; do
		number --min-coverage "$v" test --min-coverage "$v" "$wizard"
	done
	for v in $bad_values 1001; do
		number --max-lix "$v" check --max-lix "$v" "$wizard"
		number --max-words "$v" check --max-words "$v" "$wizard"
	done
	for v in $bad_values 1073741825; do
		number --max-file-size "$v" check --max-file-size "$v" "$wizard"
	done
	number --min-coverage '' test --min-coverage '' "$wizard"
	# both ends of each range are taken (a kiosk with --plain stops after its options are read)
	for a in '--idle 1' '--idle 86400' '--warn 20' '--warn 86400'; do
		# shellcheck disable=SC2086 # two words on purpose
		run --kiosk $a --plain "$wizard"
		grep -q 'do not go with --kiosk' "$tmp/err" || fail "$a refused"
	done
	for a in '--min-coverage 0' '--min-coverage 100'; do
		# shellcheck disable=SC2086
		run test $a "$wizard" >/dev/null
		[ "$status" -eq 0 ] || fail "$a: exit status $status"
	done
	for a in '--max-lix 0' '--max-lix 1000' '--max-words 0' '--max-words 1000' '--max-file-size 0' \
		'--max-file-size 1073741824'; do
		# shellcheck disable=SC2086
		run check --no-fit $a "$wizard"
		[ "$status" -eq 0 ] || fail "$a: exit status $status"
	done ;;
*)
	echo "io.sh: unknown case $case_" >&2
	exit 99 ;;
esac
echo "io $case_: ok"
