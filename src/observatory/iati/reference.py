"""IATI's own reference files: the 2.03 schema and the codelists.

They are not copied into the package. They are read from ``settings.IATI_REFERENCE_DIR`` or
the ``OBSERVATORY_IATI_REFERENCE`` environment variable when set, else from ``../shared/iati``
next to the repository (where the tests find them). Only validation needs them; exporting and
importing do not.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from lxml import etree

REPO_ROOT = Path(__file__).resolve().parents[3]


class ReferenceMissing(RuntimeError):
    """The schema or codelists are not where we look for them."""


def reference_dir() -> Path:
    configured = getattr(settings, "IATI_REFERENCE_DIR", None) or \
        os.environ.get("OBSERVATORY_IATI_REFERENCE")
    return Path(configured) if configured else REPO_ROOT.parent / "shared" / "iati"


def safe_parser(**options: bool) -> etree.XMLParser:
    """A parser that expands no entity, loads no DTD and never touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, **options)


@lru_cache(maxsize=4)
def activity_schema(directory: Path | None = None) -> etree.XMLSchema:
    path = (directory or reference_dir()) / "schema" / "iati-activities-schema.xsd"
    if not path.is_file():
        raise ReferenceMissing(f"IATI schema not found: {path}")
    # The schema imports xml.xsd and includes iati-common.xsd from its own folder.
    return etree.XMLSchema(etree.parse(str(path), etree.XMLParser(no_network=True)))


@lru_cache(maxsize=64)
def codelist(name: str, directory: Path | None = None) -> frozenset[str]:
    """The codes of one codelist, e.g. ``codelist("Country")``."""
    path = (directory or reference_dir()) / "codelists" / f"{name}.xml"
    if not path.is_file():
        raise ReferenceMissing(f"IATI codelist not found: {path}")
    tree = etree.parse(str(path), safe_parser())
    return frozenset(code.strip() for code in tree.xpath("//codelist-item/code/text()"))
