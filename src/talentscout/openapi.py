"""What FastAPI's generated OpenAPI document cannot say by itself, added to it afterwards.

SDKs for ATS vendors are generated from ``/openapi.json``, so it must describe the API as it
answers (API.md is the law). Some of that is not visible to FastAPI: the ``companyId`` query
parameter is read by the auth layer, not by the routes; result items are stored and served as
built (dicts), so their shape is documented from models that never touch the response body.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel
from pydantic.alias_generators import to_camel
from pydantic.json_schema import models_json_schema

from talentscout.enrichment.schemas import EnrichItem, RenderItem
from talentscout.sourcing.schemas import Candidate, PreviewCandidate

REF = "#/components/schemas/{model}"
# (component, property) -> the model of each item of that array property.
TYPED_ITEMS: dict[tuple[str, str], type[BaseModel]] = {
    ("RunCompleted", "candidates"): Candidate,
    ("PreviewCompleted", "candidates"): PreviewCandidate,
    ("EnrichResults", "data"): EnrichItem,
    ("RenderResponse", "data"): RenderItem,
}
COMPANY_ID = {
    "name": "companyId",
    "in": "query",
    "required": False,
    "schema": {"type": "string"},
    "description": 'Required for ATS keys (kind "ats"): the managed company the request acts '
    "for (400 when missing, 403 RESOURCE_ACCESS_DENIED when the key does not manage it). "
    "Ignored for standard keys.",
}
# Fields every success body carries, though their models give them a default.
ALWAYS_SENT = ("success", "status")
TIMESTAMPS = frozenset({"timestamp", "periodStart", "periodEnd"})
_PATH_PARAM = re.compile(r"\{(\w+)\}")


def finish(schema: dict[str, Any]) -> dict[str, Any]:
    """Completes the document in place (idempotent: FastAPI caches and re-serves it)."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    _typed_items(components)
    _always_sent(components)
    _timestamps(components)
    preview = components.get("PreviewCompleted", {}).get("properties", {})
    if "status" in preview:  # served as a plain string field; it is always "completed"
        preview["status"] = {"type": "string", "const": "completed", "title": "Status"}
    schema["paths"] = {_camel_path(path): ops for path, ops in schema.get("paths", {}).items()}
    for operations in schema["paths"].values():
        for operation in operations.values():
            _camel_parameters(operation)
            _company_id(operation)
    return schema


def _typed_items(components: dict[str, Any]) -> None:
    models = [(model, "validation") for model in TYPED_ITEMS.values()]
    refs, definitions = models_json_schema(models, ref_template=REF)  # type: ignore[arg-type]
    components.update(definitions.get("$defs", {}))
    for (name, field), model in TYPED_ITEMS.items():
        properties = components.get(name, {}).get("properties", {})
        if field in properties:
            properties[field] = {
                "type": "array",
                "title": properties[field].get("title", field),
                "items": refs[(model, "validation")],
            }


def _always_sent(components: dict[str, Any]) -> None:
    for component in components.values():
        properties = component.get("properties", {})
        if "success" not in properties:  # not a response body
            continue
        required = component.setdefault("required", [])
        required.extend(f for f in ALWAYS_SENT if f in properties and f not in required)


def _timestamps(components: dict[str, Any]) -> None:
    """ISO 8601 UTC strings (API.md conventions), typed as such for generated clients."""
    for component in components.values():
        for name, prop in component.get("properties", {}).items():
            if not (name.endswith("At") or name in TIMESTAMPS):
                continue
            for variant in [prop, *prop.get("anyOf", [])]:
                if variant.get("type") == "string":
                    variant["format"] = "date-time"


def _camel_path(path: str) -> str:
    """``/sourcing/{run_id}`` → ``/sourcing/{runId}``: only the placeholder's name changes."""
    return _PATH_PARAM.sub(lambda m: "{" + to_camel(m[1]) + "}", path)


def _camel_parameters(operation: dict[str, Any]) -> None:
    for parameter in operation.get("parameters", []):
        if parameter.get("in") == "path":
            parameter["name"] = to_camel(parameter["name"])


def _company_id(operation: dict[str, Any]) -> None:
    parameters = operation.setdefault("parameters", [])
    if not any(p.get("name") == "companyId" for p in parameters):
        parameters.append(dict(COMPANY_ID))
