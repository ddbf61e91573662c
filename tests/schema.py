#!/usr/bin/env python3
"""The JSON Schema of the format (src/trin.schema.json) against real files, with a real validator.

Every wizard named after --good must be valid; every file named after --bad must not be.  YAML is read as
trin reads it, every scalar as text (yaml.BaseLoader), so 'yes' stays a word and '1.10' a version.

  schema.py SCHEMA --good FILE... --bad FILE...
"""
import sys

import jsonschema
import yaml


def main(argv):
    with open(argv[1], encoding="utf-8") as f:
        schema = yaml.safe_load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    want, failed, count = None, 0, 0
    for arg in argv[2:]:
        if arg in ("--good", "--bad"):
            want = arg
            continue
        with open(arg, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=yaml.BaseLoader)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        count += 1
        if want == "--good" and errors:
            failed += 1
            for e in errors[:5]:
                print(f"{arg}: {'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
        elif want == "--bad" and not errors:
            failed += 1
            print(f"{arg}: valid, but it has a mistake the schema should flag", file=sys.stderr)
    print(f"{count} files, {failed} not as expected")
    return 1 if failed or not count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
