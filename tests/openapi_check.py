"""A small JSON Schema checker for the served OpenAPI document (no jsonschema dependency).

Enough of JSON Schema for what the document uses: $ref, type, anyOf, enum, const, properties,
required, additionalProperties, items, minimum/maximum. It reports every mismatch with its path,
so a test shows which field of a real response the published schema gets wrong.
"""

from __future__ import annotations

from typing import Any

TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
    "null": (type(None),),
}


def resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = document["components"]["schemas"][name]
    return schema


def _type_ok(value: Any, kind: str) -> bool:
    if isinstance(value, bool) and kind in ("integer", "number"):
        return False
    return isinstance(value, TYPES[kind])


def mismatches(
    document: dict[str, Any], schema: dict[str, Any], value: Any, path: str = "$"
) -> list[str]:
    """Where ``value`` breaks ``schema`` (empty when it conforms)."""
    schema = resolve(document, schema)
    if "anyOf" in schema:
        if all(mismatches(document, option, value, path) for option in schema["anyOf"]):
            return [f"{path}: {value!r} matches no anyOf option"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{path}: {value!r} not in {schema['enum']}"]
    if "const" in schema and value != schema["const"]:
        return [f"{path}: {value!r} != {schema['const']!r}"]
    kind = schema.get("type")
    if kind is not None and not _type_ok(value, kind):
        return [f"{path}: {value!r} is not {kind}"]
    found: list[str] = []
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            found.append(f"{path}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            found.append(f"{path}: {value} > {schema['maximum']}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += mismatches(document, schema["items"], item, f"{path}[{index}]")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        found += [
            f"{path}.{name}: missing" for name in schema.get("required", []) if name not in value
        ]
        extra = schema.get("additionalProperties")
        for name, item in value.items():
            if name in properties:
                found += mismatches(document, properties[name], item, f"{path}.{name}")
            elif isinstance(extra, dict):
                found += mismatches(document, extra, item, f"{path}.{name}")
            elif properties and extra is not True:
                found.append(f"{path}.{name}: not in the published schema")
    return found
