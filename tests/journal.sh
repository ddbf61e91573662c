#!/bin/sh
# Statistics in the systemd journal, from two kiosks to one centre.  Each of two "machines" is a mount and
# UTS namespace with its own host name, machine id and /run, where a real systemd-journald runs and one
# kiosk (test-journal-kiosk) with --stats journal is walked by two people: four events each.  Machine a
# also gets two entries under trin's MESSAGE_ID that trin did not write (a field missing, an event trin
# has not).  Each machine's journal is sent with systemd-journal-upload (--save-state) to a real
# systemd-journal-remote on 127.0.0.1, machine a's twice: the state file says what was sent, so nothing
# is sent twice.  trin stats --journal over what the centre collected counts 8 events, each exactly once,
# skips the 2 entries not trin's, and splits them 4 and 4 per machine.  A journal file cut in half and a
# folder that is not a journal are each refused with status 4.  Every process started here is ended.
#
#   journal.sh TRIN TEST-JOURNAL-KIOSK
set -u
trin=$1
kiosk=$2
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 99
skip() { echo "journal: skipped: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "not root (the machines are namespaces)"
sd=/lib/systemd
for p in systemd-journald systemd-journal-remote systemd-journal-upload; do
	[ -x "$sd/$p" ] || skip "no $sd/$p (systemd, systemd-journal-remote)"
done
unshare --mount --uts --pid --fork --mount-proc true 2>/dev/null || skip "namespaces cannot be made here"
"$trin" stats --journal "$root" >/dev/null 2>&1
[ $? -eq 4 ] || skip "this trin reads no journal (built without libsystemd-dev)"
tmp=$(mktemp -d) || exit 99
pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	for p in $pids; do wait "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
fail() { echo "journal: $*" >&2; exit 1; }
# the journal library's messages would go to the journal of the machine the test runs on
export SYSTEMD_LOG_TARGET=console

# machine NAME MACHINE-ID: one machine's kiosk, its journal left in $tmp/NAME
machine() {
	mkdir -p "$tmp/$1"
	printf '%s\n' "$2" >"$tmp/$1.id"
	unshare --mount --uts --pid --fork --mount-proc --kill-child sh -s "$1" "$tmp" "$sd" "$trin" "$kiosk" "$root" \
		<<'MACHINE' >"$tmp/$1.log" 2>&1
set -u
name=$1 tmp=$2 sd=$3 trin=$4 kiosk=$5 root=$6
mount -t tmpfs tmpfs /run && mkdir -p /run/systemd/journal /run/log/journal || exit 1
[ -d /var/log/journal ] && { mount -t tmpfs tmpfs /var/log/journal || exit 1; }
[ -f /etc/machine-id ] && { mount --bind "$tmp/$name.id" /etc/machine-id || exit 1; }
hostname "$name" || exit 1
"$sd/systemd-journald" &
journald=$!
trap 'kill $journald 2>/dev/null' EXIT
i=0
while [ ! -S /run/systemd/journal/socket ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -S /run/systemd/journal/socket ] || { echo "no journald socket"; exit 1; }
"$kiosk" "$trin" "$root" || exit 1
if [ "$name" = kiosk-a ]; then	# entries under trin's MESSAGE_ID that trin did not write
	printf 'MESSAGE_ID=0d0f1695b1924a3e8b449566d990fb16\nMESSAGE=no step\nTRIN_WIZARD=besoeg\nTRIN_EVENT=shown\n' |
		logger --journald || exit 1
	printf '%s\n' MESSAGE_ID=0d0f1695b1924a3e8b449566d990fb16 MESSAGE=odd TRIN_WIZARD=besoeg \
		TRIN_EVENT=clicked TRIN_STEP=emner |
		logger --journald || exit 1
fi
# the local journal, through journald's files, once journald has read the 4 events (and kiosk-a's 2 others)
want=4
[ "$name" = kiosk-a ] && want=6
i=0
while [ $i -lt 100 ]; do
	"$trin" stats --journal >"$tmp/$name.local" || exit 1
	[ "$(journalctl -q -o cat MESSAGE_ID=0d0f1695b1924a3e8b449566d990fb16 | wc -l)" -ge $want ] && break
	sleep 0.1
	i=$((i + 1))
done
"$trin" stats --journal >"$tmp/$name.local" || exit 1
kill $journald
wait $journald
cp -r /run/log/journal/. "$tmp/$name/"
[ -d /var/log/journal ] && cp -r /var/log/journal/. "$tmp/$name/"
exit 0
MACHINE
	[ $? -eq 0 ] || { cat "$tmp/$1.log" >&2; fail "machine $1 failed"; }
}
machine kiosk-a aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
machine kiosk-b bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
grep -qx '4 events' "$tmp/kiosk-a.local" ||
	{ cat "$tmp/kiosk-a.local"; fail "the local journal of kiosk-a: not 4 events"; }
grep -q '(2 damaged entries skipped)' "$tmp/kiosk-a.local" || fail "kiosk-a's 2 entries not trin's are not skipped"

# the centre
mkdir "$tmp/centre"
port=
for try in 1 2 3 4 5; do
	p=$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 20000))
	"$sd/systemd-journal-remote" --listen-http="127.0.0.1:$p" --output="$tmp/centre/" >"$tmp/remote.log" 2>&1 &
	remote=$!
	pids="$pids $remote"
	i=0
	while [ $i -lt 50 ] && kill -0 $remote 2>/dev/null && ! grep -q "Listening" "$tmp/remote.log" &&
		! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
	if kill -0 $remote 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { cat "$tmp/remote.log" >&2; fail "systemd-journal-remote did not start"; }
# upload NAME: send machine NAME's journal, remembering what was sent
upload() {
	timeout 30 "$sd/systemd-journal-upload" --url="http://127.0.0.1:$port" --directory="$tmp/$1" --follow=no \
		--save-state="$tmp/$1.state" >>"$tmp/upload.log" 2>&1 || { cat "$tmp/upload.log" >&2; fail "upload of $1 failed"; }
}
upload kiosk-a
upload kiosk-b
upload kiosk-a	# again: the state file says it was all sent
kill $remote
wait $remote
pids=

# every event exactly once: 2 kiosks x (velkommen shown twice, emner shown, emner given up)
"$trin" stats --journal "$tmp/centre" >"$tmp/all" 2>"$tmp/err" ||
	{ cat "$tmp/err" >&2; fail "trin stats --journal failed"; }
cat "$tmp/all"
grep -qx '8 events' "$tmp/all" || fail "not 8 events"
grep -q '^    emner  *gave up 2 of 2 times shown (100%)$' "$tmp/all" || fail "not emner given up 2 of 2"
grep -q '^besoeg, version ' "$tmp/all" || fail "no wizard and version"
grep -q '(2 damaged entries skipped)' "$tmp/all" || fail "the entries not trin's are not skipped"
"$trin" stats --journal --by-host "$tmp/centre" >"$tmp/host" || fail "--by-host failed"
cat "$tmp/host"
grep -qx 'machine kiosk-a: 4 events' "$tmp/host" || fail "kiosk-a: not 4 events"
grep -qx 'machine kiosk-b: 4 events' "$tmp/host" || fail "kiosk-b: not 4 events"
[ "$(grep -c 'gave up 1 of 1 times shown' "$tmp/host")" = 2 ] || fail "not emner 1 of 1 on each machine"
if [ -f /etc/machine-id ]; then
	"$trin" stats --journal --by-machine-id "$tmp/centre" >"$tmp/id" || fail "--by-machine-id failed"
	grep -qx "machine aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: 4 events" "$tmp/id" || fail "machine id a: not 4 events"
fi

# bad input: a folder that is not a journal, a journal file cut in half
mkdir "$tmp/empty"
echo "not a journal" >"$tmp/empty/x.journal"
"$trin" stats --journal "$tmp/empty" >/dev/null 2>"$tmp/err"
[ $? -eq 4 ] || fail "a folder that is not a journal: not status 4"
grep -q "^trin: cannot read $tmp/empty: " "$tmp/err" || fail "a folder that is not a journal: $(cat "$tmp/err")"
f=$(find "$tmp/centre" -name '*.journal' | head -n 1)
head -c $(($(wc -c <"$f") / 2)) "$f" >"$tmp/cut.journal"
"$trin" stats --journal "$tmp/cut.journal" >"$tmp/out" 2>"$tmp/err"
status=$?
echo "cut in half: status $status: $(cat "$tmp/err")"
[ $status -eq 4 ] || fail "a journal file cut in half: status $status, expected 4"
grep -q "^trin: cannot read $tmp/cut.journal: " "$tmp/err" || fail "a journal cut in half: $(cat "$tmp/err")"
echo "journal: 8 events written on 2 machines, 8 counted at the centre"
