#!/bin/sh
# The printed take-away (--print QUEUE) against a real cupsd of the test's own: a temporary configuration
# (its own ServerRoot, spool and logs, listening on a unix socket only, PreserveJobFiles No) and a queue on
# the cups-pdf backend whose PDFs land in a temporary folder.  A full-screen walk prints its summary; the
# PDF read back with pdftotext holds the summary's text, line by line, and not the sensitive answer; the
# spool keeps no file of the job.  Line mode prints the same way, on the word "print".  Then, with the calm
# sentence on the end page and the walk going on: a queue that does not exist, a stopped printer (in
# Danish, in a kiosk), and no server at all.  A queue name with shell characters is refused at the start.  Skipped (77) without root, cupsd, cups-pdf or pdftotext.
#
#   print.sh TRIN TEST_PRINT SOURCE_ROOT
set -u
trin=$1 test_print=$2 root=$3
[ "$(id -u)" = 0 ] || { echo "print: skipped, cupsd's backends need root"; exit 77; }
for p in cupsd lpadmin cupsdisable pdftotext pdfinfo; do
	command -v "$p" >/dev/null 2>&1 || [ -x "/usr/sbin/$p" ] || { echo "print: skipped, no $p"; exit 77; }
done
PATH=$PATH:/usr/sbin
backend=/usr/lib/cups/backend/cups-pdf
ppd=$(ls /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd /usr/share/ppd/cups-pdf/*.ppd 2>/dev/null | head -n 1)
[ -x "$backend" ] && [ -n "$ppd" ] || { echo "print: skipped, no cups-pdf backend (printer-driver-cups-pdf)"; exit 77; }
[ -x /usr/lib/cups/filter/texttopdf ] || { echo "print: skipped, no texttopdf (cups-filters)"; exit 77; }

tmp=$(mktemp -d /tmp/trin-print-XXXXXX) || exit 99
chmod 0755 "$tmp"
queue=trin-test-$$
# cups-pdf reads the configuration of an instance only from /etc/cups, by the name its device URI gives
conf=/etc/cups/cups-pdf-$queue.conf
cupsd_pid=
mute_pid=
cleanup() {
	[ -n "$mute_pid" ] && kill "$mute_pid" 2>/dev/null
	[ -n "$cupsd_pid" ] && kill "$cupsd_pid" 2>/dev/null && wait "$cupsd_pid" 2>/dev/null
	rm -f "$conf"
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM
mkdir -p "$tmp/root/ppd" "$tmp/spool" "$tmp/cache" "$tmp/state" "$tmp/tmp" "$tmp/log" "$tmp/pdf" "$tmp/cpspool" \
	"$tmp/trin-tmp" || exit 99
chmod 1777 "$tmp/tmp" "$tmp/pdf" "$tmp/cpspool"
cat >"$tmp/root/cupsd.conf" <<END
Listen $tmp/cups.sock
LogLevel info
PreserveJobFiles No
PreserveJobHistory No
MaxJobTime 60
WebInterface No
Browsing No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
END
cat >"$tmp/root/cups-files.conf" <<END
ServerRoot $tmp/root
RequestRoot $tmp/spool
CacheDir $tmp/cache
StateDir $tmp/state
TempDir $tmp/tmp
ErrorLog $tmp/log/error_log
AccessLog $tmp/log/access_log
PageLog $tmp/log/page_log
User lp
Group lp
SystemGroup root
END
cat >"$conf" <<END
Out $tmp/pdf
AnonDirName $tmp/pdf
Spool $tmp/cpspool
Label 0
LogType 0
END
cupsd -f -c "$tmp/root/cupsd.conf" -s "$tmp/root/cups-files.conf" >"$tmp/log/cupsd.out" 2>&1 &
cupsd_pid=$!
CUPS_SERVER=$tmp/cups.sock
export CUPS_SERVER
i=0
until [ -S "$tmp/cups.sock" ] && lpstat -r >/dev/null 2>&1; do
	i=$((i + 1))
	[ "$i" -lt 100 ] && kill -0 "$cupsd_pid" 2>/dev/null || {
		echo "print: skipped, cupsd does not start in a temporary configuration:"; cat "$tmp/log/cupsd.out"
		exit 77
	}
	sleep 0.1
done
# pdftocairo keeps the text's Unicode through PostScript to the PDF that cups-pdf makes (ghostscript's
# pdftops renderer does not)
if ! lpadmin -p "$queue" -E -v "cups-pdf:/$queue" -P "$ppd" -o pdftops-renderer-default=pdftocairo 2>"$tmp/log/lpadmin"; then
	echo "print: lpadmin fails:"; cat "$tmp/log/lpadmin"; exit 1
fi

fail=0
cd "$root" || exit 99
# the same lines, but for the spaces a page puts between and around them
norm() { sed -e 's/\f//g' -e 's/[[:space:]]\{1,\}/ /g' -e 's/^ //' -e 's/ $//' "$1" | grep -v '^$'; }
# The path of the first PDF the queue writes, waited for up to a minute; empty when none came.
wait_pdf() {
	n=0
	while ! ls "$tmp/pdf"/*.pdf >/dev/null 2>&1 && [ "$n" -lt 600 ]; do
		n=$((n + 1))
		sleep 0.1
	done
	ls "$tmp/pdf"/*.pdf 2>/dev/null | head -n 1
}

# 1. A full-screen walk prints its summary; the PDF holds it
TMPDIR=$tmp/trin-tmp "$test_print" "$trin" "$root" screen "$queue" "Your summary is being printed." "$tmp/summary.txt" ||
	fail=1
pdf=$(wait_pdf)
if [ -z "$pdf" ]; then
	echo "print: no PDF came out of the queue"; tail -n 20 "$tmp/log/error_log"; fail=1
else
	sleep 1	# cups-pdf writes the file it names
	pdftotext -layout -enc UTF-8 "$pdf" "$tmp/paper.txt" || fail=1
	norm "$tmp/summary.txt" >"$tmp/summary.norm"
	norm "$tmp/paper.txt" >"$tmp/paper.norm"
	if [ "$(wc -l <"$tmp/summary.norm")" -lt 5 ] || ! diff -u "$tmp/summary.norm" "$tmp/paper.norm"; then
		echo "print: the paper is not the summary"; fail=1
	fi
	grep -q 'Thank you, Ada' "$tmp/paper.txt" || { echo "print: the end's title is not on the paper"; fail=1; }
	if grep -q 'SECRET-4711' "$tmp/paper.txt"; then echo "print: the sensitive answer is on the paper"; fail=1; fi
fi
[ -z "$(ls -A "$tmp/trin-tmp")" ] || { echo "print: trin left a file in TMPDIR:"; ls -A "$tmp/trin-tmp"; fail=1; }
i=0
while [ -n "$(lpstat -o "$queue" 2>/dev/null)" ] && [ "$i" -lt 100 ]; do i=$((i + 1)); sleep 0.1; done
if ls "$tmp/spool" | grep -q '^d'; then echo "print: the spool kept the job's document"; ls -l "$tmp/spool"; fail=1; fi

# 1b. On a receipt roll: a page 80 mm wide, the summary's words in the same order, no line over 36 columns
rm -f "$tmp/pdf"/*.pdf "$tmp/summary-r.txt"
"$test_print" "$trin" "$root" receipt "$queue" "Your summary is being printed." "$tmp/summary-r.txt" || fail=1
pdf=$(wait_pdf)
if [ -z "$pdf" ]; then
	echo "print: no receipt came out of the queue"; fail=1
else
	sleep 1
	width=$(pdfinfo "$pdf" | sed -n 's/^Page size: *\([0-9.]*\) x.*/\1/p')
	case $width in 22[4-9]*) ;; *) echo "print: the receipt is $width pt wide, not 80 mm (227 pt)"; fail=1 ;; esac
	pdftotext -layout -enc UTF-8 "$pdf" "$tmp/receipt.txt" || fail=1
	words() { grep -v '^[-=[:space:]]*$' "$1" | tr -s '[:space:]' '\n' | grep -v '^$'; }
	words "$tmp/summary-r.txt" >"$tmp/summary-r.words"
	words "$tmp/receipt.txt" >"$tmp/receipt.words"
	if [ "$(wc -l <"$tmp/summary-r.words")" -lt 10 ] || ! diff -u "$tmp/summary-r.words" "$tmp/receipt.words"; then
		echo "print: the receipt does not hold the summary's words"; fail=1
	fi
	long=$(awk 'length > 40' "$tmp/receipt.txt" | head -n 3)
	[ -z "$long" ] || { echo "print: receipt lines wider than 36 columns (and the page's margin):"; echo "$long"; fail=1; }
fi

# 1c. Line mode (--plain): "print" typed at the end prints the same summary, said in a sentence; the walk
# goes on to its end as any other
rm -f "$tmp/pdf"/*.pdf "$tmp/summary-l.txt"
printf 'Ada\nSECRET-4711\nprint\n\n' | LANGUAGE=en TRIN_LOCALEDIR=/nonexistent TMPDIR=$tmp/trin-tmp \
	"$trin" --plain --print "$queue" --summary "$tmp/summary-l.txt" tests/print/walk.yaml >"$tmp/line.out" 2>&1
status=$?
for said in "Type print to print a summary to take away. Press Enter to finish." "Your summary is being printed."; do
	grep -qF "$said" "$tmp/line.out" || { echo "print: line mode does not say: $said"; cat "$tmp/line.out"; fail=1; }
done
[ "$status" = 0 ] || { echo "print: line mode ended with status $status"; fail=1; }
pdf=$(wait_pdf)
if [ -z "$pdf" ]; then
	echo "print: no PDF came out of the queue from line mode"; fail=1
else
	sleep 1
	pdftotext -layout -enc UTF-8 "$pdf" "$tmp/paper-l.txt" || fail=1
	norm "$tmp/summary-l.txt" >"$tmp/summary-l.norm"
	norm "$tmp/paper-l.txt" >"$tmp/paper-l.norm"
	if [ "$(wc -l <"$tmp/summary-l.norm")" -lt 5 ] || ! diff -u "$tmp/summary-l.norm" "$tmp/paper-l.norm"; then
		echo "print: the paper from line mode is not the summary"; fail=1
	fi
fi
# in Danish, with the build tree's catalogues: the Danish word, and a queue that does not exist said calmly
printf 'Ada\nx\nudskriv\n\n' | LANGUAGE=da "$trin" --plain --print no-such-queue tests/print/walk.yaml \
	>"$tmp/line-da.out" 2>&1
status=$?
for said in "Skriv udskriv for at udskrive et resumé" "Printeren blev ikke fundet."; do
	grep -qF "$said" "$tmp/line-da.out" || { echo "print: line mode in Danish does not say: $said"; cat "$tmp/line-da.out"; fail=1; }
done
[ "$status" = 0 ] || { echo "print: line mode ended with status $status after a missing queue"; fail=1; }

# 2. A queue that does not exist: said calmly, in a kiosk (in Danish, the wizard's language), and the walk goes on
"$test_print" "$trin" "$root" kiosk-da "no-such-queue" "Printeren blev ikke fundet." || fail=1

# 3. The printer stopped
cupsdisable "$queue" || fail=1
"$test_print" "$trin" "$root" kiosk-da "$queue" "Printeren er slukket lige nu." || fail=1
cupsenable "$queue"

# 4. No print server at all
CUPS_SERVER=$tmp/no-server.sock "$test_print" "$trin" "$root" screen "$queue" \
	"The printer cannot be reached just now." || fail=1

# 5. A server that takes the connection and never answers: trin gives up after its 5 seconds
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import socket, sys, time
s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(8)
held = []
while True:
	held.append(s.accept()[0])' "$tmp/mute.sock" &
	mute_pid=$!
	i=0
	while [ ! -S "$tmp/mute.sock" ] && [ "$i" -lt 50 ]; do i=$((i + 1)); sleep 0.1; done
	start=$(date +%s)
	CUPS_SERVER=$tmp/mute.sock TERM_DEADLINE_MS=20000 "$test_print" "$trin" "$root" screen "$queue" \
		"The printer cannot be reached just now." || fail=1
	took=$(($(date +%s) - start))
	[ "$took" -lt 20 ] || { echo "print: a mute server held trin for $took s"; fail=1; }
	kill "$mute_pid" 2>/dev/null
	wait "$mute_pid" 2>/dev/null
fi

# 6. A queue name with shell characters is refused before anything starts
out=$("$trin" --kiosk --print 'q;touch x' tests/print/walk.yaml 2>&1)
status=$?
if [ "$status" != 2 ] || ! printf '%s\n' "$out" | grep -q -- "--print is the name of a print queue"; then
	echo "print: a queue name with ';' gave status $status: $out"; fail=1
fi

[ "$fail" = 0 ] && echo "print: printed, read back, and every trouble said calmly"
exit "$fail"
