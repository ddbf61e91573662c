#!/usr/bin/env python3
"""Write message catalogues (.mo) of every hostile shape into OUT, named for the shape; those starting with
"good-" are well formed and must be accepted, the others refused.  Seeds for fuzz-mo, inputs for its
replay, and the files tests/i18n-hostile.sh puts beside a wizard.

    mo-shapes.py OUT
"""
import pathlib
import struct
import sys

MAGIC = 0x950412DE


def next_prime(n):
    n = max(n, 3)
    while any(n % d == 0 for d in range(2, int(n ** 0.5) + 1)):
        n += 1
    return n


def hash_string(s):
    h = 0
    for c in s:
        h = ((h << 4) + c) & 0xFFFFFFFFFFFFFFFF
        g = h & (0xFFFFFFFFFFFFFFFF << 28) & 0xFFFFFFFFFFFFFFFF
        if g:
            h ^= g >> 24
            h ^= g
    return h & 0xFFFFFFFF


def mo(entries, big=False, revision=0, hash_size=None, hash_fill=None, extra_header=b''):
    """A catalogue of (msgid, msgstr) byte pairs, laid out as msgfmt lays it out."""
    e = '>' if big else '<'
    entries = sorted(entries)
    n = len(entries)
    if hash_size is None:
        hash_size = next_prime(n * 4 // 3)
    head = 28 + len(extra_header)
    orig = head
    trans = orig + 8 * n
    hoff = trans + 8 * n
    data = hoff + 4 * hash_size
    strings = b''
    otab, ttab = [], []
    for k, _ in entries:
        otab.append((len(k), data + len(strings)))
        strings += k + b'\0'
    for _, v in entries:
        ttab.append((len(v), data + len(strings)))
        strings += v + b'\0'
    table = [0] * hash_size
    if hash_size > 2:
        for i, (k, _) in enumerate(entries):
            h = hash_string(k)
            idx, incr = h % hash_size, 1 + h % (hash_size - 2)
            while table[idx]:
                idx = idx - (hash_size - incr) if idx >= hash_size - incr else idx + incr
            table[idx] = i + 1
    if hash_fill is not None:
        table = hash_fill(table)
    out = struct.pack(e + '7I', MAGIC, revision, n, orig, trans, hash_size, hoff) + extra_header
    for ln, off in otab + ttab:
        out += struct.pack(e + '2I', ln, off)
    out += struct.pack(e + '%dI' % hash_size, *table) + strings
    return out


HEADER = (b'', b'Project-Id-Version: kaffe\nContent-Type: text/plain; charset=UTF-8\n'
          b'Plural-Forms: nplurals=2; plural=(n != 1);\n')
TEXTS = [HEADER, (b'Coffee', b'Kaffe'), (b'Tea', b'Te'), (b'Milk?', b'M\xc3\xa6lk?')]


def put(at, value, data, big=False):
    return data[:at] + struct.pack(('>' if big else '<') + 'I', value) + data[at + 4:]


def shapes():
    good = mo(TEXTS)
    yield 'good-le', good
    yield 'good-be', mo(TEXTS, big=True)
    yield 'good-nohash', mo(TEXTS, hash_size=0)
    yield 'good-revision1', mo(TEXTS, revision=1, extra_header=bytes(20))
    yield 'good-format', mo(TEXTS + [(b'Step %zu of %zu', b'Trin %zu af %zu')])
    yield 'good-format-n', mo(TEXTS + [(b'Step %zu of %zu', b'%n%s%s%s')])	# well formed; the format is refused
    yield 'empty', b''
    yield 'magic-only', struct.pack('<I', MAGIC)
    yield 'header-zero', struct.pack('<7I', MAGIC, 0, 0, 0, 0, 0, 0)[:27]
    yield 'not-mo', b'msgid "Coffee"\nmsgstr "Kaffe"\n' * 3
    for cut in (27, 40, 60, len(good) // 2, len(good) - 1):
        yield 'truncated-%d' % cut, good[:cut]
    yield 'revision2', put(4, 2 << 16, good)
    yield 'sysdep', mo(TEXTS, revision=1, extra_header=struct.pack('<5I', 1, 0, 1, 0, 0))
    yield 'count-huge', put(8, 0x20000000, good)
    yield 'orig-past-end', put(12, 0xFFFFFFF0, good)
    yield 'trans-past-end', put(16, len(good) - 8, good)
    yield 'hash-past-end', put(24, 0xFFFFFF00, good)
    yield 'string-past-end', put(28 + 8 * 1 + 4, len(good) + 100, good)
    yield 'string-wraps', put(28 + 8 * 1 + 4, 0xFFFFFFFF, put(28 + 8 * 1, 2, good))
    yield 'length-huge', put(28 + 8 * 2, 0x7FFFFFFF, good)
    yield 'no-nul', good[:-1] + b'x'
    yield 'hash-full', mo(TEXTS, hash_fill=lambda t: [1] * len(t))
    yield 'hash-not-prime', mo(TEXTS, hash_size=9, hash_fill=lambda t: [1, 2, 3, 4, 0, 1, 2, 3, 4])
    yield 'hash-index-past', mo(TEXTS, hash_fill=lambda t: [x or 99 for x in t][:-1] + [0])
    yield 'control', mo(TEXTS + [(b'Water', b'\x1b[2J\x1b[31mVand')])
    yield 'not-utf8', mo(TEXTS + [(b'Water', b'Vand \xff\xfe')])
    yield 'c1-control', mo(TEXTS + [(b'Water', b'Vand \xc2\x9b2J')])
    yield 'overlap', overlap(2000, 32 << 10)


def overlap(n, length):
    """n entries whose translations are all one string of length bytes: checking each would read it n times."""
    orig, trans = 28, 28 + 8 * n
    data = trans + 8 * n
    keys = b''.join(b'k%05d\0' % i for i in range(n))
    text = data + len(keys)
    out = struct.pack('<7I', MAGIC, 0, n, orig, trans, 0, 0)
    out += b''.join(struct.pack('<2I', 6, data + 7 * i) for i in range(n))
    out += struct.pack('<2I', length, text) * n
    return out + keys + b'x' * length + b'\0'


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name, data in shapes():
        (out / (name + '.mo')).write_bytes(data)


if __name__ == '__main__':
    main()
