#!/bin/sh
# Make the seed corpora of the fuzz harnesses from the tree's own files, in OUT/load, OUT/expr, OUT/engine,
# OUT/mo:
# every YAML file of tests/ and wizards/ for the loader; every condition and derived value written in them
# for the expressions (behind the 9 bytes that set the answers); for the engine, each wizard walked by
# always taking the first choice, the second, and plausible answers; for the catalogues, every .po of the
# tree compiled, and the hostile shapes of mo-shapes.py.
#
#   tests/fuzz/seed.sh OUT
set -eu
out=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out/load" "$out/expr" "$out/engine" "$out/mo"
i=0
find "$root/tests" "$root/wizards" -name '*.yaml' | sort | while read -r f; do
	i=$((i + 1))
	cp "$f" "$out/load/seed-$i.yaml"
done
python3 - "$root" "$out/expr" <<'PY'
import pathlib, re, sys
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
exprs = set()
for f in sorted(list(root.glob('wizards/*.yaml')) + list(root.glob('tests/**/*.yaml'))):
    text = f.read_text(encoding='utf-8', errors='replace')
    exprs.update(m.strip().strip('"\'') for m in re.findall(r'when:\s*(.+?)\s*(?:,\s*goto|}|$)', text, re.M))
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
find "$root/po" -name '*.po' | sort | while read -r f; do
	msgfmt -o "$out/mo/$(echo "${f#"$root"/}" | tr / -).mo" "$f"
done
python3 "$root/tests/fuzz/mo-shapes.py" "$out/mo"
echo "$(ls "$out/load" | wc -l) load, $(ls "$out/expr" | wc -l) expr, $(ls "$out/engine" | wc -l) engine, $(ls "$out/mo" | wc -l) mo seeds in $out"
