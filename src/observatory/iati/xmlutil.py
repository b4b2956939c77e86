"""Small helpers shared by the writer and the reader of IATI XML."""

from __future__ import annotations

import re
from decimal import Decimal

from lxml import etree

VERSION = "2.03"
# Our extension namespace: IATI lets publishers add attributes in their own namespace. We use
# it for what IATI has no field for (which registry field a description is, an indicator's
# unit) so that our own files read back exactly.
NS = "urn:x-migration-development-observatory:iati"
NSMAP = {"mdo": NS}
FIELD = f"{{{NS}}}field"
UNIT = f"{{{NS}}}unit"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """Text without the control characters XML 1.0 cannot carry (PDF extracts have some)."""
    return _NOT_XML.sub("", text or "").strip()


def sub(parent: etree._Element, tag: str, **attributes: str | None) -> etree._Element:
    """A child element; attributes given as None are left out, ``_`` in names becomes ``-``."""
    element = etree.SubElement(parent, tag)
    for name, value in attributes.items():
        if value is not None:
            element.set(name.replace("_", "-"), value)
    return element


def with_narrative(parent: etree._Element, tag: str, text: str,
                   **attributes: str | None) -> etree._Element:
    element = sub(parent, tag, **attributes)
    etree.SubElement(element, "narrative").text = clean(text)
    return element


def decimal_text(value: Decimal | float | int) -> str:
    """``Decimal("33.30")`` -> ``33.3``, ``100.00`` -> ``100``; never an exponent."""
    number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    text = format(number.normalize(), "f")
    return text


def number_text(value: float) -> str:
    """A value of a result: ``12.0`` -> ``12``, ``0.25`` stays."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def amount_text(value: Decimal) -> str:
    return format(value.quantize(Decimal("0.01")), "f")


def bool_text(value: bool) -> str:
    return "1" if value else "0"


def parse_bool(value: str | None) -> bool | None:
    if value is None:
        return None
    value = value.strip().lower()
    if value in {"1", "true"}:
        return True
    if value in {"0", "false"}:
        return False
    return None
