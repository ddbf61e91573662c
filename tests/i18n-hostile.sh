#!/bin/sh
# Hostile translations, made at test time: a wizard that claims trin's own gettext domain (or glibc's) or
# whose language is a path, a catalogue of trin's own whose format messages take other printf arguments, a
# wizard catalogue of every malformed shape (tests/fuzz/mo-shapes.py), two wizards of one domain with
# catalogues of their own, and a template (`trin pot`) of a wizard whose strings try to end their
# entries.  Each must be refused with a diagnostic, or stay harmless, and never crash or hang trin (a
# sanity bound of 10 s a run).
#
#   i18n-hostile.sh TRIN CASE
set -u
trin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case_=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
export LANG=C.UTF-8 TZ=UTC TRIN_LOCALEDIR=/nonexistent
unset LANGUAGE LC_ALL LC_MESSAGES
kaffe=$here/translations/kaffe.yaml
fail() {
	echo "$case_: $*" >&2
	exit 1
}
# run EXPECTED-STATUS COMMAND...: output in out and err
run() {
	expect=$1
	shift
	timeout 10 "$@" >out 2>err </dev/null
	status=$?
	[ "$status" -eq "$expect" ] || { cat err >&2; fail "exit status $status from $*, expected $expect"; }
}
# has FILE LINE: FILE holds LINE whole
has() {
	grep -qxF -- "$2" "$1" || { cat "$1" >&2; fail "no line '$2' in $1"; }
}
case $case_ in
domain-trin | domain-libc | id-trin | file-trin | domain-path)
	case $case_ in
	domain-trin) sed 's/^title: Kaffe/domain: trin\ntitle: Kaffe/' "$kaffe" >w.yaml
		want="w.yaml:2:9: error: the gettext domain 'trin' is trin's own: give the wizard a 'domain' of its own" ;;
	domain-libc) sed 's/^title: Kaffe/domain: libc\ntitle: Kaffe/' "$kaffe" >w.yaml
		want="w.yaml:2:9: error: the gettext domain 'libc' is the C library's: give the wizard a 'domain' of its own" ;;
	id-trin) sed 's/^title: Kaffe/id: trin\ntitle: Kaffe/' "$kaffe" >w.yaml
		want="w.yaml:2:5: error: the gettext domain 'trin' is trin's own: give the wizard a 'domain' of its own" ;;
	file-trin) cp "$kaffe" trin.yaml	# no id: the file's name is its id, and its domain
		want="trin.yaml:1:1: error: the gettext domain 'trin' is trin's own: give the wizard a 'domain' of its own (without 'id' or 'domain', the domain is the file's name)" ;;
	domain-path) sed 's|^title: Kaffe|domain: ../../x\ntitle: Kaffe|' "$kaffe" >w.yaml
		want="w.yaml:2:9: error: a gettext domain must be a plain file name of at most 63 bytes, not starting with '.': no '/', ':' or control character" ;;
	esac
	file=w.yaml
	[ "$case_" = file-trin ] && file=trin.yaml
	run 3 "$trin" check "$file"
	has err "$want"
	run 3 "$trin" --plain "$file"
	has err "$want"
	;;
language-path)	# a language that leads gettext to a catalogue of trin's own elsewhere
	mkdir -p evil/LC_MESSAGES
	printf 'msgid "Step %%zu of %%zu"\nmsgstr "%%n%%n%%n%%s"\n' | msgfmt -o evil/LC_MESSAGES/trin.mo - || exit 99
	sed "s|^title: Kaffe|language: ../../../../../../../..$tmp/evil\ntitle: Kaffe|" "$kaffe" >w.yaml
	want="w.yaml:2:11: error: language '../../../../../../../..$tmp/evil' is not a language code (such as da, en or pt_BR)"
	run 3 "$trin" check w.yaml
	has err "$want"
	run 3 "$trin" --plain w.yaml
	has err "$want"
	;;
own-format)	# trin's own catalogue, made without --check: the formats that differ are not used
	mkdir -p loc/da/LC_MESSAGES
	cat >da.po <<-'EOF'
	msgid ""
	msgstr "Content-Type: text/plain; charset=UTF-8\n"

	msgid "Step %zu of %zu"
	msgstr "%n%s%s%s"

	msgid "Type the number of your choice."
	msgstr "Skriv nummeret."

	msgid "Type ? for help."
	msgstr "Skriv ? for %s%s%s%s."
	EOF
	msgfmt -o loc/da/LC_MESSAGES/trin.mo da.po || exit 99
	cp "$kaffe" kaffe.yaml
	TRIN_LOCALEDIR=$tmp/loc run 1 "$trin" --plain --lang da kaffe.yaml
	has out 'Step 1 of 1'
	has out 'Skriv nummeret. Type ? for help.'
	;;
own-plural)	# the same through ngettext: a message of the engine, with a plural
	mkdir -p loc/da/LC_MESSAGES
	cat >da.po <<-'EOF'
	msgid ""
	msgstr "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n"

	msgid "Please write at least %zu character."
	msgid_plural "Please write at least %zu characters."
	msgstr[0] "%n%s%s"
	msgstr[1] "%s%s%s%n"

	msgid "Please write an answer."
	msgstr "Skriv et svar."
	EOF
	msgfmt -o loc/da/LC_MESSAGES/trin.mo da.po || exit 99
	cat >navn.yaml <<-'EOF'
	trin: 1
	title: Navn
	steps:
	  - id: navn
	    type: text
	    title: Hvad hedder du?
	    min_length: 3
	  - id: slut
	    type: end
	    title: Tak
	EOF
	printf '\nab\n' >typed
	TRIN_LOCALEDIR=$tmp/loc timeout 10 "$trin" --plain --lang da navn.yaml <typed >out 2>err
	[ $? -eq 1 ] || { cat err >&2; fail "exit status not 1"; }
	has out 'Skriv et svar.'
	grep -qF 'Please write at least 3 characters.' out || fail "no English message: $(cat out)"
	;;
mo-shapes)	# each shape as the English catalogue beside a wizard: the good ones used, the others refused
	python3 "$here/fuzz/mo-shapes.py" shapes || exit 99
	: >shapes/fifo.mo	# stands for a FIFO, made in its place below
	cp "$kaffe" kaffe.yaml
	mkdir -p locale/en/LC_MESSAGES
	for f in shapes/*.mo; do
		name=$(basename "$f" .mo)
		rm -f locale/en/LC_MESSAGES/kaffe.mo
		if [ "$name" = fifo ]; then
			mkfifo locale/en/LC_MESSAGES/kaffe.mo
		else
			cp "$f" locale/en/LC_MESSAGES/kaffe.mo
		fi
		case $name in
		good-*)
			run 0 "$trin" check kaffe.yaml
			! grep -q refused err || fail "$name: refused: $(cat err)" ;;
		*)
			run 3 "$trin" check kaffe.yaml
			grep -q '^kaffe.yaml: error: the catalogue locale/en/LC_MESSAGES/kaffe.mo is refused: ' err ||
				fail "$name: not refused: $(cat err)" ;;
		esac
		run 1 "$trin" --plain --lang en kaffe.yaml
		has out 'Hvilken kaffe?'
	done
	;;
one-domain)	# two wizards of domain kaffe, each with its catalogues: the second is left out of the menu
	for d in a b; do
		mkdir -p "$d/locale/en/LC_MESSAGES"
		cp "$kaffe" "$d/"
		printf 'msgid "Kaffe"\nmsgstr "Coffee %s"\n' "$d" | msgfmt -o "$d/locale/en/LC_MESSAGES/kaffe.mo" - || exit 99
	done
	run 0 "$trin" --plain --lang en a/kaffe.yaml b/kaffe.yaml
	has out '  1. Coffee a'
	! grep -q 'Coffee b' out || fail "b's catalogue is used"
	has err "b/kaffe.yaml: error: the gettext domain 'kaffe' is already another wizard's, with its catalogues in a/locale: give this wizard a 'domain' of its own"
	;;
pot)	# strings that try to end their comment, string or header field, in a file whose name does too
	file=$(printf 'w\nmsgid "FORGED0"\nmsgstr ""\n#.yaml')
	cat >"$file" <<-'EOF'
	trin: 1
	id: x
	domain: "x\"y\\z"
	language: da
	title: "Kaffe\"\nmsgid \"FORGED1"
	glossary:
	  "latte\nmsgid \"FORGED2\"\nmsgstr \"\"\n#": "Kaffe \\ med mælk"
	steps:
	  - id: slags
	    type: choice
	    title: Hvilken?
	    choices:
	      - {value: "sort\nmsgid \"FORGED3\"\nmsgstr \"\"\n#", label: Sort}
	      - {value: latte, label: Latte}
	  - id: slut
	    type: end
	    title: Tak
	EOF
	run 0 "$trin" pot --output x.pot "$file"
	msgfmt --check -o /dev/null x.pot 2>err || { cat err >&2; fail "msgfmt refuses the template"; }
	! grep -q '^msgid "FORGED' x.pot || fail "a forged entry: $(grep '^msgid "FORGED' x.pot)"
	[ "$(grep -c '^msgid ' x.pot)" -eq 8 ] || fail "$(grep -c '^msgid ' x.pot) entries, not 8"
	[ "$(grep -c '^"Language: ' x.pot)" -eq 1 ] || fail "a forged header field"
	;;
*)
	echo "unknown case $case_" >&2
	exit 99 ;;
esac
exit 0
