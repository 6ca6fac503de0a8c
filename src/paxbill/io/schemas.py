"""JSON Schemas (draft 2020-12) of every document that :func:`to_dict` writes.

Each schema is made from the same fields and type hints that read and write
the documents, so that it cannot drift from them: what :func:`from_dict`
accepts, the schema describes.

>>> schema = json_schema("money")
>>> schema["properties"]["currency"]
{'type': 'string', 'pattern': '^[A-Za-z]{3}$'}
>>> "client_invoice" in schema_names()
True
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from paxbill.core.money import Money
from paxbill.exceptions import ArgumentTypeError
from paxbill.io.serialization import TYPE_NAMES, TYPES_BY_NAME, field_hints

__all__ = ["json_schema", "schema_names"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"

#: A decimal number as paxbill writes it: a string of digits, never a float.
_DECIMAL = {
    "type": ["string", "integer"],
    "pattern": r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$",
}
_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_MONEY = {
    "type": "object",
    "properties": {
        "type": {"const": "money"},
        "amount": _DECIMAL,
        "currency": {"type": "string", "pattern": "^[A-Za-z]{3}$"},
    },
    "required": ["type", "amount", "currency"],
    "additionalProperties": False,
}

JSON = dict[str, Any]


def schema_names() -> tuple[str, ...]:
    """The ``"type"`` of every document, sorted: the names :func:`json_schema` takes."""
    return tuple(sorted(TYPES_BY_NAME))


def json_schema(name: str) -> JSON:
    """Return the JSON Schema of the documents whose ``"type"`` is *name*.

    Raises:
        ArgumentTypeError: *name* is not one of :func:`schema_names`.
    """
    kind = TYPES_BY_NAME.get(name) if isinstance(name, str) else None
    if kind is None:
        raise ArgumentTypeError(
            name, f"one of {', '.join(schema_names())}", what="schema name"
        )
    definitions: dict[str, JSON] = {}
    root = _object(kind, definitions)
    definitions.pop(name, None)
    schema: JSON = {"$schema": DRAFT, "title": kind.__name__, **root}
    if definitions:
        schema["$defs"] = dict(sorted(definitions.items()))
    return schema


def _reference(kind: type, definitions: dict[str, JSON]) -> JSON:
    name = TYPE_NAMES[kind][0]
    if name not in definitions:
        definitions[name] = {}  # a placeholder, for types that nest themselves
        definitions[name] = _object(kind, definitions)
    return {"$ref": f"#/$defs/{name}"}


def _object(kind: type, definitions: dict[str, JSON]) -> JSON:
    if kind is Money:
        return dict(_MONEY)
    name, derived = TYPE_NAMES[kind]
    hints = field_hints(kind)
    properties: JSON = {"type": {"const": name}}
    required = ["type"]
    for field in attrs.fields(kind):
        if not field.init:
            continue
        properties[field.name] = _schema(hints[field.name], definitions)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    for attribute in derived:
        properties[attribute] = _derived(kind, attribute, definitions)
    doc = (kind.__doc__ or "").strip().splitlines()
    return {
        "description": doc[0] if doc else name,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _derived(kind: type, attribute: str, definitions: dict[str, JSON]) -> JSON:
    """A worked-out figure: written for readers, checked when read back."""
    prop = getattr(kind, attribute, None)
    if isinstance(prop, property) and prop.fget is not None:
        returns = typing.get_type_hints(prop.fget).get("return")
        if returns is not None:
            return _schema(returns, definitions)
    return {}  # pragma: no cover - every derived figure has a return hint


def _schema(hint: Any, definitions: dict[str, JSON]) -> JSON:
    """The schema of a field's type hint."""
    if hint is str:
        return {"type": "string"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is dt.date:
        return dict(_DATE)
    if hint is Decimal:
        return dict(_DECIMAL)
    if hint is Money:
        definitions.setdefault("money", dict(_MONEY))
        return {"$ref": "#/$defs/money"}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"enum": [member.value for member in hint]}
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_schema(a, definitions) for a in arguments]}
    if hint is type(None):
        return {"type": "null"}
    if origin is tuple:
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return {"type": "array", "items": _schema(arguments[0], definitions)}
        items = [_schema(a, definitions) for a in arguments]
        count = len(items)
        return {
            "type": "array",
            "prefixItems": items,
            "minItems": count,
            "maxItems": count,
        }
    if hint in TYPE_NAMES:
        return _reference(hint, definitions)
    return {}  # Any: the object's own "type" says what it is
