#!/usr/bin/python3
"""Validate the JSON document on standard input against doc/diff-schema.json
and copy it to standard output; exit 1 with the reasons on standard error
when it does not hold.

    raci diff --format json BEFORE AFTER | tests/cli/diff-schema.py

With the jsonschema module (python3-jsonschema) it does the validating;
without it, the subset of JSON Schema draft 7 that the schema uses is
checked here: type, const, enum, required, properties,
additionalProperties: false, items, $ref to #/definitions, allOf, minimum
and pattern. The golden cases of `raci diff --format json` run through it
(tests/cli/cases/diff-*.filter), so a document that breaks its schema
fails them.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = json.load(open(os.path.join(ROOT, "doc", "diff-schema.json"), encoding="utf-8"))

TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
}


def check(value, schema, path, errors):
    """Append to errors what value breaks of schema, at path."""
    if "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        check(value, SCHEMA["definitions"][name], path, errors)
    for sub in schema.get("allOf", []):
        check(value, sub, path, errors)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(TYPES[t](value) for t in types):
            errors.append(f"{path}: {value!r} is not of type {types}")
            return
    if "const" in schema and value != schema["const"]:
        errors.append(f"{path}: {value!r} is not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} is not one of {schema['enum']}")
    if "minimum" in schema and TYPES["number"](value) and value < schema["minimum"]:
        errors.append(f"{path}: {value!r} is less than {schema['minimum']}")
    if "pattern" in schema and isinstance(value, str) and not re.search(schema["pattern"], value):
        errors.append(f"{path}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{path}: '{key}' is required")
        props = schema.get("properties", {})
        for key, v in value.items():
            if key in props:
                check(v, props[key], f"{path}.{key}", errors)
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}: '{key}' is not allowed")
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            check(v, schema["items"], f"{path}[{i}]", errors)


def main():
    text = sys.stdin.read()
    doc = json.loads(text)
    try:
        import jsonschema  # noqa: F401 (optional)
    except ImportError:
        errors = []
        check(doc, SCHEMA, "$", errors)
    else:
        validator = jsonschema.Draft7Validator(SCHEMA)
        errors = [f"${''.join(f'[{p!r}]' for p in e.path)}: {e.message}"
                  for e in validator.iter_errors(doc)]
    if errors:
        for e in errors:
            print("diff-schema: " + e, file=sys.stderr)
        sys.exit(1)
    sys.stdout.write(text)


main()
