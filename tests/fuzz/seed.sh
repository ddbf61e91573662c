#!/bin/sh
# Make the seed corpora of the fuzz harnesses from the tree's own files, in OUT/HARNESS: every YAML file of
# tests/ and wizards/ for the loader (from memory, and from a file beside it); every condition and derived
# value written in them for the expressions (behind the 9 bytes that set the answers); for the engine, each
# wizard walked by always taking the first choice, the second, and plausible answers; for answers and
# scenario, each answers file and scenario of tests/ behind the byte that picks its wizard (in the order of
# wizards.h), and every wizard's own tests as scenario files; for stats, logs as kiosks write them, journal
# entries as text as two kiosks send them, and the damaged kinds (regress/stats/); for mo, every .po of the
# tree compiled and the hostile shapes of mo-shapes.py.
#
#   tests/fuzz/seed.sh OUT
set -eu
out=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out/load" "$out/load-file" "$out/expr" "$out/engine" "$out/answers" "$out/scenario" "$out/stats" \
	"$out/mo"
i=0
find "$root/tests" "$root/wizards" -name '*.yaml' | sort | while read -r f; do
	i=$((i + 1))
	cp "$f" "$out/load/seed-$i.yaml"
done
# the file loader: the same wizards, and the edges of reading a file (empty, byte-order marks, UTF-16)
cp "$out"/load/* "$root"/tests/fuzz/regress/load-file/* "$out/load-file/"
python3 - "$root" "$out/expr" <<'PY'
import pathlib, re, sys
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
exprs = set()
for f in sorted(list(root.glob('wizards/*.yaml')) + list(root.glob('tests/**/*.yaml'))):
    text = f.read_text(encoding='utf-8', errors='replace')
    exprs.update(m.strip().strip('"\'') for m in re.findall(r'(?:when|valid):\s*(.+?)\s*(?:,\s*(?:goto|message)|}|$)', text, re.M))
    section = re.search(r'^values:\n((?:  .*\n)+)', text, re.M)
    if section:
        exprs.update(line.split(':', 1)[1].strip() for line in section.group(1).splitlines() if ':' in line)
headers = [b'\x00' + (200000000).to_bytes(8, 'big'), b'\x1f' + bytes(8), b'\xa0' + (2**63 - 1).to_bytes(8, 'big')]
for n, e in enumerate(sorted(x for x in exprs if x)):
    (out / f'seed-{n}').write_bytes(headers[n % 3] + e.encode())
PY
python3 - "$out/engine" <<'PY'
import pathlib, sys
out = pathlib.Path(sys.argv[1])
for w in range(12):
    out.joinpath(f'first-{w}').write_bytes(bytes([w]) + b'\x01\x00' * 40)
    out.joinpath(f'second-{w}').write_bytes(bytes([w]) + b'\x01\x01' * 40)
    out.joinpath(f'plausible-{w}').write_bytes(bytes([w]) + b'\x09\x00\x01\x00\x09\x01\x01\x01' * 20 + b'\x08\x00')
    out.joinpath(f'back-{w}').write_bytes(bytes([w]) + b'\x01\x00\x01\x00\x04\x00\x01\x01\x05\x00\x07\x00' * 10)
PY
python3 - "$root" "$out" <<'PY'
import pathlib, re, sys
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
# the order of tests/fuzz/wizards.h
order = sorted((root / 'wizards').glob('*.yaml')) + sorted((root / 'tests/good').glob('*.yaml')) + \
    [root / 'tests/scenario/expect.yaml']
index = {str(p.relative_to(root)): i for i, p in enumerate(order)}
n = 0
for f in sorted((root / 'tests/run').glob('*.answers.yaml')):
    text = f.read_bytes()
    m = re.search(rb'^# wizard: *(\S+)', text, re.M)
    w = index.get(m.group(1).decode(), 0) if m else 0
    for kind in ('answers', 'scenario'):	# an answers file is a scenario that must be refused
        (out / kind / f'run-{n}').write_bytes(bytes([w]) + text)
    n += 1
for f in sorted((root / 'tests/scenario').glob('*.yaml')):
    w = index['tests/scenario/expect.yaml'] if f.name.startswith('expect') else index['wizards/besoeg.yaml']
    for kind in ('answers', 'scenario'):
        (out / kind / f'scenario-{n}').write_bytes(bytes([w]) + f.read_bytes())
    n += 1
# each wizard's own tests, one scenario file each, as --record writes them
for w, f in enumerate(order):
    text = f.read_text(encoding='utf-8')
    m = re.search(r'^tests:\n((?:[ -].*\n|\n)+)', text, re.M)
    if not m:
        continue
    for k, item in enumerate(re.split(r'^  - ', m.group(1), flags=re.M)[1:]):
        body = '\n'.join(line[4:] if line.startswith('    ') else line for line in item.splitlines())
        (out / 'scenario' / f'test-{w}-{k}').write_bytes(bytes([w]) + body.encode() + b'\n')
        (out / 'answers' / f'test-{w}-{k}').write_bytes(bytes([w]) + body.encode() + b'\n')
stats = out / 'stats'
events = ['shown', 'gaveup', 'end']
log = ''.join(f'trin-stats 1\tvirksomhedsform\t{events[i % 3]}\tstep_{i % 7}\n' for i in range(60))
(stats / 'log').write_text(log)
(stats / 'two-wizards').write_text(log + 'trin-stats 1\tbesoeg\tend\tslut_klar\ntrin-stats 1\tbesoeg\tgaveup\tnavn\n')
(stats / 'partial').write_text(log + 'trin-stats 1\tbesoeg\tsho')
(stats / 'empty').write_bytes(b'')
versioned = ''.join(f'trin-stats 2\tbesoeg\t{("0123456789ab", "ba7816bf8f01")[i // 30]}\t{events[i % 3]}\tstep_{i % 5}\n'
                    for i in range(60))
(stats / 'versions').write_text(log + versioned + 'trin-stats 2\tbesoeg\t0123456789ab\tsho')
def entry(host, wizard, version, event, step):
    return (f'MESSAGE_ID=0d0f1695b1924a3e8b449566d990fb16\nMESSAGE=trin {wizard} {event} {step}\nPRIORITY=6\n'
            f'_HOSTNAME={host}\n_MACHINE_ID={host:0>32}\nTRIN_WIZARD={wizard}\nTRIN_VERSION={version}\n'
            f'TRIN_EVENT={event}\nTRIN_STEP={step}\nTRIN_LANGUAGE=da\n\n')
(stats / 'journal').write_text(''.join(entry(f'kiosk{i % 2}', 'virksomhedsform', '0123456789ab', events[i % 3],
                                             f'step_{i % 7}') for i in range(60)))
for f in sorted((root / 'tests/fuzz/regress/stats').iterdir()):
    (stats / f'regress-{f.name}').write_bytes(f.read_bytes())
PY
find "$root/po" -name '*.po' | sort | while read -r f; do
	msgfmt -o "$out/mo/$(echo "${f#"$root"/}" | tr / -).mo" "$f"
done
python3 "$root/tests/fuzz/mo-shapes.py" "$out/mo"
for h in load load-file expr engine answers scenario stats mo; do
	printf '%s %s, ' "$(ls "$out/$h" | wc -l)" "$h"
done
echo "seeds in $out"
