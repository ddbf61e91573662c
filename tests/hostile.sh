#!/bin/sh
# Inputs too big or too strange to keep in the tree, made on the fly: each must give its diagnostic with
# a location and the invalid status (3), and nothing else, within sanity bounds of time and memory (2 s
# and 64 MiB for one run; 512 MiB under AddressSanitizer, whose shadow memory counts).  One case for each
# limit of the loader and each hostile shape of file.  A case may instead run the wizard with answers
# (cmd), for its status and a line of its output.
#
#   hostile.sh TRIN CASE
set -u
as=
opts=
trin=$1
case_=$2
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
gen() { python3 -c "import sys; sys.stdout.buffer.write($1)" >"$2"; }
export LANGUAGE=en LANG=C.UTF-8 TRIN_LOCALEDIR=/nonexistent
unset LC_ALL LC_MESSAGES
cmd=check
expect_status=3
want_out=
# a wizard of values (Python lines v{i}: ...), one number step a, and an end showing {show}
values() {
	python3 -c "
import sys
vals, show = $1, '$2'
sys.stdout.write('trin: 1\ntitle: t\nvalues:\n' + ''.join('  %s: %s\n' % kv for kv in vals) +
    'steps:\n  - id: a\n    type: number\n    title: a\n  - id: slut\n    type: end\n    title: \'{' + show + '}\'\n')
" >w.yaml
	printf 'a: 1\n' >a.yaml
}
# a wizard of one text step with the pattern given in the file's own bytes, in single quotes
pattern() {
	printf "trin: 1\ntitle: t\nsteps:\n  - id: a\n    type: text\n    title: a\n    pattern: '%s'\n  - id: slut\n    type: end\n    title: s\n" "$1" >w.yaml
}
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
depth)	# 40 nested lists; the limit is 32
	gen "b'a: ' + b'[' * 40 + b']' * 40 + b'\\n'" w.yaml
	want='w.yaml:1:35: error: nested more than 32 levels deep' ;;
scalar)	# a 70 KiB text in a file under the size limit
	gen "b'trin: 1\\ntitle: ' + b'x' * (70 << 10) + b'\\n'" w.yaml
	want='w.yaml:2:8: error: text of 71680 bytes; the limit is 65536' ;;
empty)
	: >w.yaml
	want='w.yaml:1:1: error: the file is empty' ;;
comments)	# no document at all
	printf '# nothing but a comment\n' >w.yaml
	want='w.yaml:1:1: error: the file is empty' ;;
utf16)
	gen "'trin: 1\\n'.encode('utf-16')" w.yaml
	want='w.yaml:1:1: error: the file is UTF-16 or UTF-32; save it as UTF-8' ;;
utf16-no-bom)
	gen "'trin: 1\\nid: x\\n'.encode('utf-16-le')" w.yaml
	want='w.yaml:1:1: error: the file is UTF-16 or UTF-32; save it as UTF-8' ;;
nul)
	gen "b'trin: 1\\nid: a\\x00b\\n'" w.yaml
	want='w.yaml:2:6: error: control character U+0000 in the file' ;;
tag)
	printf 'trin: !!int 1\n' >w.yaml
	want='w.yaml:1:7: error: tags (tag:yaml.org,2002:int) are not allowed in a wizard' ;;
glossary)	# 30,000 glossary terms, each looked for in every text, and all but one found: --werror gives status 3
	gen "b'trin: 1\\ntitle: Ord\\nglossary:\\n' + b''.join(b'  ord%d: Om ord%d.\\n' % (i, i + 1) for i in range(30000)) + b'steps:\\n  - id: slut\\n    type: end\\n    title: Slut\\n'" w.yaml
	opts=--werror
	want="w.yaml:4:3: warning: glossary term 'ord0' appears in no text" ;;
two-documents)
	printf 'trin: 1\n---\ntrin: 1\n' >w.yaml
	want="w.yaml:2:1: error: a second YAML document ('---'); a wizard is one document" ;;
symlink-loop)
	ln -s v.yaml w.yaml
	ln -s w.yaml v.yaml
	want='w.yaml: error: cannot open: Too many levels of symbolic links' ;;
fifo)	# opened without blocking, then refused: nothing waits for a writer
	mkfifo w.yaml
	want='w.yaml: error: is not a regular file' ;;
unreadable)	# as root, the check runs as nobody, for whom mode 000 means something
	printf 'trin: 1\n' >w.yaml
	chmod 000 w.yaml
	chmod 755 "$tmp"
	[ "$(id -u)" -eq 0 ] && as="setpriv --reuid=65534 --regid=65534 --clear-groups"
	want='w.yaml: error: cannot open: Permission denied' ;;
values-doubling)	# 40 values each adding the one before twice: each is worked out once
	values "[('v0', 'a')] + [('v%d' % i, 'v%d + v%d' % (i - 1, i - 1)) for i in range(1, 40)]" v39
	cmd="run --json --answers a.yaml" expect_status=0 want='' want_out='    "v39": 549755813888' ;;
values-doubling-text)	# the same with a text: it would double to a terabyte
	values "[('v0', '\\'\"x\"\\'')] + [('v%d' % i, 'v%d + v%d' % (i - 1, i - 1)) for i in range(1, 40)]" v39
	want="w.yaml:21:12: error: '+' may make a text of up to 131072 bytes; the limit is 65536" ;;
values-lists)	# three lists of a thousand copies of the one before: a billion items from 11 KB
	values "[('v0', '\\'[' + ', '.join(['a'] * 1000) + ']\\'')] + [('v%d' % i, '\\'[' + ', '.join(['v%d' % (i - 1)] * 1000) + ']\\'') for i in (1, 2)]" v2
	want='w.yaml:5:8: error: this list may hold up to 1001000 items, nested lists counted in full; the limit is 65536' ;;
values-chain)	# 20,000 values each reading the one before
	values "[('v0', 'a')] + [('v%d' % i, 'v%d + 1' % (i - 1)) for i in range(1, 20000)]" v19999
	want='w.yaml:104:3: error: values depend on each other more than 100 deep' ;;
values-chain-backwards)	# the same chain written from its end: the binder's own recursion is bounded
	values "[('v%d' % i, 'v%d + 1' % (i + 1)) for i in range(19999)] + [('v19999', 'a')]" v0
	want='w.yaml:104:3: error: values depend on each other more than 100 deep' ;;
values-nesting)	# 100 values each 63 levels deep: their nesting together is bounded for the stack's sake
	values "[('v0', 'a')] + [('v%d' % i, '-' * 62 + 'v%d' % (i - 1)) for i in range(1, 100)]" v99
	want="w.yaml:20:3: error: value 'v16' and the values it reads nest more than 1000 levels deep in all" ;;
values-work)	# 14,000 values each within the bounds, together too much to work out: said so in the text
	values "[('s', '\\'\"' + 'x' * 60000 + '\"\\'')] + [('v%d' % i, 's + \"%d\"' % i) for i in range(14000)] + [('g%d' % k, '\\'[' + ', '.join('len(v%d)' % i for i in range(k * 1000, k * 1000 + 1000)) + ']\\'') for k in range(14)] + [('n', ' + '.join('len(g%d)' % k for k in range(14)))]" n
	cmd="run --answers a.yaml" expect_status=0 want='' want_out='end slut: (too large to work out)' ;;
pattern-repeats)	# nested counts: glibc's regcomp would take gigabytes and minutes
	pattern 'a{1,255}{1,255}{1,255}'
	want="w.yaml:7:15: error: 'pattern' repeats too much: written out, it has 16581375 elements; the limit is 1000" ;;
pattern-wide)
	pattern '.{1,32767}'
	want="w.yaml:7:15: error: 'pattern' repeats too much: written out, it has 32767 elements; the limit is 1000" ;;
pattern-empty-loops)	# repetitions of what can be empty: regcomp's time grows threefold with each
	pattern "$(python3 -c "print('((a*)*b*)*' * 50)")"
	want="w.yaml:7:15: error: 'pattern' repeats something that can be empty with '*', '+' or '{m,}', as in (a*)* or (a|)+; write a* instead" ;;
pattern-empty-optional)	# what can be empty, left out or repeated a varying number of times: regcomp takes
	# seconds and gigabytes for a few hundred of them
	pattern "$(python3 -c "print('(a?)?' * 150 + '(b?){0,99}')")"
	want="w.yaml:7:15: error: 'pattern' leaves out, or repeats a varying number of times, something that can be empty, as in (a?)? or (a|){0,3}; write a? or a{0,3} instead" ;;
pattern-anchors)	# anchors side by side: regcomp's time and memory grow with a power of their number
	pattern "$(python3 -c "print('\\\\b' * 40 + '\\\\>' * 100 + 'x?' * 300)")"
	want="w.yaml:7:15: error: 'pattern' has too many anchors: ^, \$, \\<, \\>, \\\` and \\' count one, \\b and \\B two, with its repetitions written out; it has 180, the limit is 4" ;;
pattern-sets)	# sets of characters, each matching a character of several bytes: regcomp and regexec take a
	# power of their number (this one: minutes and gigabytes)
	pattern '[[:alpha:]]{0,600}'
	want="w.yaml:7:15: error: 'pattern' has 600 sets of characters beyond ASCII ('.', \\w, \\W, \\s, \\S, [^...], [[:alpha:]] and the like) with its repetitions written out; the limit is 100" ;;
pattern-sets-ascii)	# sets of ASCII characters only cost nothing more: not counted
	pattern '[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,255}'
	expect_status=0 want= ;;
pattern-sets-run)	# a pattern at the limit, matched against a long answer of letters of two bytes
	pattern "$(python3 -c "print('[[:alpha:]]{0,100}X')")"
	sed -i 's/title: a$/title: a\n    max_length: 10000/' w.yaml
	python3 -c "print('a: ' + 'æ' * 9999)" >a.yaml
	cmd="run --answers a.yaml" expect_status=1 want_out='step a'
	want="trin: stopped at step 'a': The answer does not have the expected form." ;;
pattern-long)
	pattern "$(python3 -c "print('[0-9]' * 201)")"
	want="w.yaml:7:15: error: 'pattern' is 1005 bytes; the limit is 1000" ;;
pattern-back-reference)	# exponential to match: refused
	pattern '(a*)x\1'
	want="w.yaml:7:15: error: 'pattern' may not use back-references such as \1" ;;
*)
	echo "hostile.sh: unknown case $case_" >&2
	exit 99 ;;
esac
file=w.yaml
[ "$case_" = missing ] && file=nope.yaml
# run it once, measuring wall time and the peak resident memory
python3 -c '
import resource, subprocess, sys, time
start = time.monotonic()
with open("out", "w") as out, open("err", "w") as err:
    status = subprocess.run(sys.argv[1:], stdout=out, stderr=err).returncode
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("%.3f %d" % (time.monotonic() - start, rss // 1024))
sys.exit(status)' ${as:-} "$trin" $cmd ${opts:-} "$file" >bounds
status=$?
read -r seconds mib <bounds
limit=64
ldd "$trin" 2>/dev/null | grep -q libasan && limit=512
if ! awk -v s="$seconds" 'BEGIN { exit !(s < 2) }'; then
	echo "$case_: took $seconds s; the bound is 2 s" >&2
	exit 1
fi
if [ "$mib" -ge "$limit" ]; then
	echo "$case_: used $mib MiB; the bound is $limit MiB" >&2
	exit 1
fi
if [ "$status" -ne "$expect_status" ]; then
	echo "$case_: exit status $status, expected $expect_status" >&2
	head -c 2000 err >&2
	exit 1
fi
if [ -z "$want_out" ] && [ -s out ]; then
	echo "$case_: unexpected standard output" >&2
	exit 1
fi
if [ -n "$want_out" ] && ! grep -qxF -- "$want_out" out; then
	echo "$case_: no line '$want_out' in standard output:" >&2
	head -c 2000 out >&2
	exit 1
fi
if [ -z "$want" ] && [ -s err ]; then
	echo "$case_: unexpected standard error:" >&2
	head -c 2000 err >&2
	exit 1
fi
# every expected line must be there (an alias bomb reports more anchors, and the missing keys)
missing=
[ -n "$want" ] && missing=$(printf '%s\n' "$want" | while IFS= read -r line; do grep -qxF -- "$line" err || echo x; done)
if [ -n "$missing" ]; then
	echo "$case_: got:" >&2
	head -n 5 err >&2
	echo "$case_: expected:" >&2
	printf '%s\n' "$want" >&2
	exit 1
fi
