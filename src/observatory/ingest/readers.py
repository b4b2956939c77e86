"""File readers: an uploaded report's bytes → plain text plus page boundaries.

Every reader returns text whose character offsets are what the extractor's source spans refer
to, so the text is kept as decoded: only line endings are normalised to "\\n" and a byte-order
mark is dropped (no Unicode normalisation, no whitespace clean-up).

Every bad input raises :class:`~observatory.ingest.errors.IngestError` with a message meant for
the person who uploaded the file; no parser exception or traceback leaks out.
"""

from __future__ import annotations

import io
import logging
import re
import struct
import unicodedata
import zipfile
import zlib
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

import docx
from django.utils.translation import gettext as _
from docx.opc.exceptions import PackageNotFoundError
from lxml.etree import LxmlError
from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from observatory.ingest.errors import IngestError

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from lxml.etree import _Element

__all__ = [
    "MAX_BYTES",
    "MAX_CHARS",
    "MAX_DOCX_ENTRIES",
    "MAX_DOCX_RATIO",
    "MAX_DOCX_UNCOMPRESSED",
    "MAX_PAGES",
    "ReadDocument",
    "read_document",
]

#: Largest upload accepted, checked before anything else is done with the bytes.
MAX_BYTES = 20 * 1024 * 1024
#: Most pages read from a PDF.
MAX_PAGES = 2000
#: Most characters of extracted text.
MAX_CHARS = 5_000_000
#: Largest total uncompressed size of a .docx's zip entries (zip-bomb guard).
MAX_DOCX_UNCOMPRESSED = 100 * 1024 * 1024
#: Highest compression ratio accepted for a large zip entry of a .docx (zip-bomb guard).
MAX_DOCX_RATIO = 100
#: Entries smaller than this are not held to MAX_DOCX_RATIO (tiny XML parts compress very well).
_RATIO_CHECKED_FROM = 1024 * 1024
#: Most zip entries in a .docx (a real one has a few dozen, plus one per embedded image).
MAX_DOCX_ENTRIES = 10_000

#: A PDF with fewer non-blank characters than this per page on average has no usable text layer.
_MIN_PDF_CHARS_PER_PAGE = 20
#: Share of control characters above which "text" is taken for binary data.
_MAX_CONTROL_SHARE = 0.05

_EXTENSIONS = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".pdf": "pdf",
    ".docx": "docx",
}

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, and password-protected .docx
_NEWLINES = re.compile(r"\r\n?")
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")

# pypdf reports the flaws it works around ("incorrect startxref pointer", "Ignoring wrong
# pointing object …" at WARNING; an unknown font encoding, with its whole fallback table, at
# ERROR) through the "pypdf" logger. They describe the uploaded file, not the server, and
# would fill the server's stderr for files we read fine; failures that matter are raised and
# turned into IngestError below. So the logger is silenced, unless the project's LOGGING has
# configured it explicitly.
_pypdf_logger = logging.getLogger("pypdf")
if _pypdf_logger.level == logging.NOTSET:
    _pypdf_logger.setLevel(logging.CRITICAL)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReadDocument:
    """The plain text of an uploaded file, and where its pages start."""

    text: str
    format: str  # "txt" | "md" | "pdf" | "docx"
    # Character offset in `text` where each page starts: for a PDF one per page, the first 0;
    # other formats have no pages and hold (0,).
    page_starts: tuple[int, ...] = (0,)

    @property
    def has_pages(self) -> bool:
        return self.format == "pdf"

    @property
    def page_count(self) -> int | None:
        return len(self.page_starts) if self.has_pages else None

    def page_of(self, offset: int) -> int | None:
        """The 1-based page holding character `offset`, or None for a format without pages.

        The blank lines that join two pages belong to the earlier page; `offset == len(text)`
        (the end of a span that runs to the end) belongs to the last page.
        """
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} is outside the text (0–{len(self.text)})")
        if not self.has_pages:
            return None
        return bisect_right(self.page_starts, offset)


def read_document(filename: str, data: bytes) -> ReadDocument:
    """Read an uploaded report; the format follows the file name's extension.

    The content must agree with the extension (a .pdf must be a PDF …). Raises IngestError
    with a user-facing message for every file that cannot be read.
    """
    name = _display_name(filename)
    if len(data) > MAX_BYTES:
        raise IngestError(
            _("“%(name)s” is too large (%(size)s MB); the limit is %(limit)s MB.")
            % {"name": name, "size": _megabytes(len(data)), "limit": _megabytes(MAX_BYTES)}
        )
    fmt = _format_of(name)
    if not data:
        raise IngestError(_("“%(name)s” is empty (0 bytes).") % {"name": name})
    if fmt == "pdf":
        document = _read_pdf(name, data)
    elif fmt == "docx":
        document = _read_docx(name, data)
    else:
        document = ReadDocument(text=_read_text(name, data), format=fmt)
    if len(document.text) > MAX_CHARS:
        raise IngestError(_too_much_text(name))
    return document


# -- helpers shared by all formats -----------------------------------------------------------


def _display_name(filename: str) -> str:
    """The file's own name, without any folder a browser may have sent with it."""
    return filename.replace("\\", "/").rsplit("/", 1)[-1].strip() or "?"


def _format_of(name: str) -> str:
    dot = name.rfind(".")
    extension = name[dot:].lower() if dot > 0 else ""
    try:
        return _EXTENSIONS[extension]
    except KeyError:
        raise IngestError(
            _(
                "“%(name)s” is not a supported file type. Upload a report as .txt, .md, "
                ".pdf or .docx."
            )
            % {"name": name}
        ) from None


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")


def _too_much_text(name: str) -> str:
    return _(
        "“%(name)s” holds more than %(limit)s characters of text; split it into smaller files."
    ) % {"name": name, "limit": f"{MAX_CHARS:,}"}


def _normalise_newlines(text: str) -> str:
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def _no_text(name: str) -> IngestError:
    return IngestError(_("“%(name)s” contains no text.") % {"name": name})


def _wrong_content(name: str, fmt: str, data: bytes) -> IngestError:
    """The content does not match the extension: say what it looks like when we can tell."""
    if fmt == "docx" and data.startswith(_OLE_MAGIC):
        return IngestError(
            _(
                "“%(name)s” is an old Word (.doc) file or a password-protected document. Open "
                "it in your word processor and save it as .docx without a password."
            )
            % {"name": name}
        )
    if data.lstrip()[:5] == b"%PDF-":
        looks_like = _("a PDF document")
    elif data.startswith(_ZIP_MAGIC):
        looks_like = _("a zip archive")
    elif data.startswith(_OLE_MAGIC):
        looks_like = _("an old Word (.doc) or password-protected Office document")
    else:
        looks_like = ""
    expected = {
        "pdf": _("a PDF document"),
        "docx": _("a Word (.docx) document"),
    }.get(fmt, _("a text file"))
    if looks_like:
        message = _(
            "“%(name)s” is named like %(expected)s but its content is %(actual)s. "
            "Check that you picked the right file, or give it the right extension."
        ) % {"name": name, "expected": expected, "actual": looks_like}
    else:
        message = _(
            "“%(name)s” is named like %(expected)s but its content is not; the file may be "
            "damaged or have the wrong extension."
        ) % {"name": name, "expected": expected}
    return IngestError(message)


# -- .txt and .md ---------------------------------------------------------------------------


def _read_text(name: str, data: bytes) -> str:
    fmt = "txt"
    if data.lstrip()[:5] == b"%PDF-" or data.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
        raise _wrong_content(name, fmt, data)
    text = _decode(name, data)
    if _looks_binary(text):
        raise IngestError(
            _(
                "“%(name)s” does not look like a text file: it contains binary data. "
                "Upload plain text, or the report as .pdf or .docx."
            )
            % {"name": name}
        )
    text = _normalise_newlines(text)
    if not text.strip():
        raise _no_text(name)
    return text


def _decode(name: str, data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16/32 when a BOM says so, else Windows-1252."""
    if data.startswith(_UTF32_BOMS):
        attempts = [("utf-32", "UTF-32")]
    elif data.startswith(_UTF16_BOMS):
        attempts = [("utf-16", "UTF-16")]
    elif data.startswith(_UTF8_BOM):
        attempts = [("utf-8-sig", "UTF-8")]
    else:
        attempts = [("utf-8", "UTF-8"), ("cp1252", "Windows-1252")]
    for codec, _label in attempts:
        try:
            return data.decode(codec)  # "utf-8-sig", "utf-16" and "utf-32" drop the BOM
        except UnicodeDecodeError:
            continue
    labels = [label for _codec, label in attempts]
    raise IngestError(
        _(
            "“%(name)s” could not be decoded as %(encodings)s text. Save it as UTF-8 and "
            "upload it again."
        )
        % {"name": name, "encodings": _(" or ").join(labels)}
    )


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:100_000]
    controls = sum(
        1 for char in sample if char not in _ALLOWED_CONTROLS and unicodedata.category(char) == "Cc"
    )
    return controls > _MAX_CONTROL_SHARE * len(sample)


# -- .pdf -----------------------------------------------------------------------------------

# What pypdf may raise on a damaged file besides its own PyPdfError: it walks attacker-shaped
# object graphs with plain dict/list/int operations. These are caught around the parser only,
# and the original is logged at DEBUG level.
_PDF_PARSER_ERRORS: tuple[type[BaseException], ...] = (
    ValueError,  # includes UnicodeDecodeError
    TypeError,
    LookupError,  # KeyError, IndexError
    AttributeError,
    AssertionError,
    OSError,
    RuntimeError,  # RecursionError; NotImplementedError for an unsupported filter
    ArithmeticError,  # ZeroDivisionError from a degenerate font or text matrix
    struct.error,
    zlib.error,
)


def _page_text(page: object) -> str:
    """A page's text in pypdf's reading order, with a blank line where the layout leaves a
    vertical gap (a new paragraph, a sidebar cell) or jumps up the page (a new column): the
    extractor tells paragraphs and sidebar cells apart by those blank lines."""
    runs: list[tuple[str, float | None]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        if text.strip():
            runs.append((text, cm[1] * tm[4] + cm[3] * tm[5] + cm[5]))
        else:
            runs.append((text, None))

    plain = page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    if "".join(text for text, _y in runs) != plain:
        return plain  # the visitor did not see exactly what was written: keep pypdf's text
    lines: list[tuple[str, float | None]] = [("", None)]
    for text, y in runs:
        pieces = text.split("\n")
        for n, piece in enumerate(pieces):
            if n:
                lines.append(("", None))
            line_text, line_y = lines[-1]
            lines[-1] = (line_text + piece, line_y if line_y is not None else y)
    ys = [y for _t, y in lines if y is not None]
    gaps = sorted(a - b for a, b in pairwise(ys) if a - b > 0.5)
    if not gaps:
        return plain
    spacing = gaps[len(gaps) // 4]  # the usual distance between two lines of a paragraph
    out: list[str] = []
    previous: float | None = None
    for text, y in lines:
        if previous is not None and y is not None and out and (
                previous - y > 1.6 * spacing or y - previous > spacing):
            out.append("")
        out.append(text)
        if y is not None:
            previous = y
    return "\n".join(out)


def _read_pdf(name: str, data: bytes) -> ReadDocument:
    if data.lstrip()[:5] != b"%PDF-":
        raise _wrong_content(name, "pdf", data)
    damaged = _("“%(name)s” could not be read as a PDF; the file looks damaged or incomplete.") % {
        "name": name
    }
    protected = _(
        "“%(name)s” is protected by a password; remove the protection and upload it again."
    ) % {"name": name}
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # A file with only an owner password (restricting printing or copying) opens with
            # the empty user password; one that asks for a password to open cannot be read.
            try:
                if not reader.decrypt(""):
                    raise IngestError(protected)
            except (DependencyError, NotImplementedError):
                # AES needs the optional "cryptography" package, and an unknown security
                # handler is refused: even a file with only an owner password cannot be read.
                raise IngestError(
                    _(
                        "“%(name)s” is encrypted in a way that cannot be read here; remove the "
                        "protection (including any restriction on printing or copying) and "
                        "upload it again."
                    )
                    % {"name": name}
                ) from None
        page_count = len(reader.pages)
    except IngestError:
        raise
    except FileNotDecryptedError:
        raise IngestError(protected) from None
    except (PyPdfError, *_PDF_PARSER_ERRORS) as error:
        logger.debug("pypdf could not open %s", name, exc_info=error)
        raise IngestError(damaged) from None
    if page_count == 0:
        raise IngestError(_("“%(name)s” has no pages; the file may be damaged.") % {"name": name})
    if page_count > MAX_PAGES:
        raise IngestError(
            _("“%(name)s” has %(count)s pages; the limit is %(limit)s pages.")
            % {"name": name, "count": page_count, "limit": MAX_PAGES}
        )

    parts: list[str] = []
    page_starts: list[int] = []
    length = 0
    for number in range(page_count):
        try:
            page_text = _page_text(reader.pages[number])
        except (PyPdfError, *_PDF_PARSER_ERRORS) as error:
            logger.debug("pypdf could not read page %s of %s", number + 1, name, exc_info=error)
            raise IngestError(
                _(
                    "Page %(page)s of “%(name)s” could not be read: the file looks damaged or "
                    "uses a PDF feature that is not supported. Try saving it again as PDF from "
                    "the program that made it."
                )
                % {"page": number + 1, "name": name}
            ) from None
        page_text = _normalise_newlines(page_text)
        if parts:
            length += 2  # the "\n\n" that joins pages
        page_starts.append(length)
        parts.append(page_text)
        length += len(page_text)
        if length > MAX_CHARS:
            raise IngestError(_too_much_text(name))

    text = "\n\n".join(parts)
    visible = sum(1 for char in text if not char.isspace())
    if visible < _MIN_PDF_CHARS_PER_PAGE * page_count:
        raise IngestError(
            _(
                "“%(name)s” has no text layer: it looks like a scanned document (images of "
                "pages). Text recognition (OCR) is not supported; upload a PDF with selectable "
                "text, or the original .docx."
            )
            % {"name": name}
        )
    return ReadDocument(text=text, format="pdf", page_starts=tuple(page_starts))


# -- .docx ----------------------------------------------------------------------------------


def _read_docx(name: str, data: bytes) -> ReadDocument:
    if not data.startswith(_ZIP_MAGIC):
        raise _wrong_content(name, "docx", data)
    damaged = _(
        "“%(name)s” could not be read as a Word document; the file looks damaged. Try saving "
        "it again as .docx."
    ) % {"name": name}
    _check_docx_archive(name, data, damaged)
    # python-docx parses every XML part with lxml through
    # etree.XMLParser(remove_blank_text=True, resolve_entities=False) (docx/oxml/parser.py and
    # docx/opc/oxml.py, python-docx 1.2); lxml's defaults add no_network=True, load_dtd=False
    # and huge_tree=False. So no external entity, DTD or network resource is ever fetched, and
    # internal entities are not expanded (no "billion laughs"). _check_docx_archive refuses any
    # part that declares a DOCTYPE at all, which Word never writes.
    try:
        document = docx.Document(io.BytesIO(data))
        text = _docx_text(document)
    except (PackageNotFoundError, zipfile.BadZipFile, *_DOCX_PARSER_ERRORS) as error:
        logger.debug("python-docx could not read %s", name, exc_info=error)
        raise IngestError(damaged) from None
    text = _normalise_newlines(text)
    if len(text) > MAX_CHARS:
        raise IngestError(_too_much_text(name))
    if not text.strip():
        raise _no_text(name)
    return ReadDocument(text=text, format="docx")


_DOCX_PARSER_ERRORS: tuple[type[BaseException], ...] = (
    LxmlError,  # XMLSyntaxError for a malformed part
    ValueError,  # includes UnicodeDecodeError
    TypeError,
    LookupError,  # KeyError (a missing part), IndexError
    AttributeError,
    OSError,
    zlib.error,
)


def _check_docx_archive(name: str, data: bytes, damaged: str) -> None:
    """Refuse zip bombs and non-Word zips before python-docx inflates anything.

    zipfile never returns more than an entry's declared size (it fails the CRC check instead),
    so the declared sizes checked here bound what parsing will inflate.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_DOCX_ENTRIES:
                raise IngestError(damaged)
            names = {entry.filename for entry in entries}
            if "word/document.xml" not in names:
                raise _wrong_content(name, "docx", data)
            if any(entry.flag_bits & 0x1 for entry in entries):  # zip-level encryption
                raise IngestError(
                    _(
                        "“%(name)s” is protected by a password; remove the protection and "
                        "upload it again."
                    )
                    % {"name": name}
                )
            total = sum(entry.file_size for entry in entries)
            if total > MAX_DOCX_UNCOMPRESSED:
                raise IngestError(
                    _(
                        "“%(name)s” unpacks to %(size)s MB, more than a Word document should "
                        "(the limit is %(limit)s MB). It was not read."
                    )
                    % {
                        "name": name,
                        "size": _megabytes(total),
                        "limit": _megabytes(MAX_DOCX_UNCOMPRESSED),
                    }
                )
            if any(
                entry.file_size > _RATIO_CHECKED_FROM
                and entry.file_size > MAX_DOCX_RATIO * max(entry.compress_size, 1)
                for entry in entries
            ):
                raise IngestError(
                    _(
                        "“%(name)s” contains data compressed far more than a Word document's "
                        "(it looks like a “zip bomb”). It was not read."
                    )
                    % {"name": name}
                )
            for entry in entries:
                if entry.filename.endswith((".xml", ".rels")) and _declares_doctype(archive, entry):
                    raise IngestError(damaged)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, *_DOCX_PARSER_ERRORS):
        # NotImplementedError: an unsupported compression method.
        raise IngestError(damaged) from None


def _declares_doctype(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bool:
    """Whether an XML part declares a DTD (which may define entities) before its root element.

    Only the prolog is read: comments and processing instructions are skipped, and a prolog
    longer than _PROLOG_BYTES counts as a declaration (no real Office file has one).
    """
    with archive.open(entry) as stream:
        head = stream.read(_PROLOG_BYTES)
    # The prolog is ASCII in UTF-8; a UTF-16 part is checked with its NUL bytes removed.
    head = _PROLOG_NOISE.sub(b"", head.replace(b"\x00", b""))
    root = _ROOT_START.search(head)
    if root is None:
        return len(head.strip()) > 0 and entry.file_size > _PROLOG_BYTES
    return b"<!DOCTYPE" in head[: root.start()].upper()


_PROLOG_BYTES = 64 * 1024
_PROLOG_NOISE = re.compile(rb"<!--.*?-->|<\?.*?\?>", re.DOTALL)
_ROOT_START = re.compile(rb"<[A-Za-z_]")


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _R = (f"{_W}{tag}" for tag in ("p", "tbl", "tr", "tc", "r"))
# Elements that only wrap content: content controls, custom XML, tracked insertions, simple
# fields, hyperlinks … Their content is read as if it stood in their place. Tracked deletions
# (w:del, w:moveFrom) are not in this list, so deleted text is left out.
_WRAPPERS = frozenset(
    f"{_W}{tag}"
    for tag in (
        "sdt",
        "sdtContent",
        "customXml",
        "smartTag",
        "ins",
        "moveTo",
        "fldSimple",
        "hyperlink",
        "dir",
        "bdo",
    )
)


def _docx_text(document: DocxDocument) -> str:
    """Body paragraphs and tables in document order, separated by blank lines.

    The XML is walked directly rather than through python-docx's Paragraph.text, which only
    sees runs that are direct children of the paragraph and so would drop tracked insertions,
    simple fields, smart tags and content controls.
    """
    list_styles = _list_style_ids(document.styles.element)
    heading_levels = _heading_levels(document.styles.element)
    blocks: list[str] = []
    for block in _children(document.element.body, (_P, _TBL)):
        if block.tag == _P:
            text = _paragraph_text(block).strip()
            level = _heading_level(block, heading_levels)
            if text and level:
                text = "#" * level + " " + text
            elif text and _is_list_item(block, list_styles):
                text = "- " + text
        else:
            text = _table_text(block)
        if text:
            blocks.append(text)
    return "\n\n".join(blocks)


def _heading_levels(styles: _Element) -> dict[str, int]:
    """Style id -> heading level, for Word's "Title" and "Heading N" styles and any style with
    an outline level: the extractor reads them as markdown headings ("## MOBILAB")."""
    levels: dict[str, int] = {}
    for style in styles.iterchildren(f"{_W}style"):
        style_id = style.get(f"{_W}styleId")
        name_element = style.find(f"{_W}name")
        name = (name_element.get(f"{_W}val", "") if name_element is not None else "").lower()
        outline = style.find(f"{_W}pPr/{_W}outlineLvl")
        match = re.fullmatch(r"heading ([1-6])", name)
        if not style_id:
            continue
        if match:
            levels[style_id] = int(match.group(1))
        elif name == "title":
            levels[style_id] = 1
        elif outline is not None and (outline.get(f"{_W}val") or "").isdigit() \
                and int(outline.get(f"{_W}val") or 9) < 6:
            levels[style_id] = int(outline.get(f"{_W}val") or 0) + 1
    return levels


def _heading_level(paragraph: _Element, levels: dict[str, int]) -> int:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return levels.get(style.get(f"{_W}val", ""), 0) if style is not None else 0


def _children(container: _Element, tags: tuple[str, ...]) -> Iterator[_Element]:
    """The children of `container` with one of `tags`, looking through wrapper elements."""
    for child in container.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tags)


def _paragraph_text(paragraph: _Element) -> str:
    # python-docx gives each w:r element a `text` property that renders w:t, w:tab ("\t"),
    # w:br and w:cr ("\n") … but not field codes (w:instrText) or deleted text (w:delText).
    return "".join(run.text or "" for run in _children(paragraph, (_R,)))


def _table_text(table: _Element) -> str:
    """One line per row, cells separated by tabs.

    A merged cell is one w:tc in the XML, so its text is written once (python-docx's row.cells
    would repeat it for every column and row it spans).
    """
    lines: list[str] = []
    for row in _children(table, (_TR,)):
        cells = [_cell_text(cell) for cell in _children(row, (_TC,))]
        if any(cells):
            lines.append("\t".join(cells).rstrip("\t"))
    return "\n".join(lines)


def _cell_text(cell: _Element) -> str:
    """A cell's paragraphs (and nested tables) on one line, so that a row stays one line."""
    parts = [
        _paragraph_text(block) if block.tag == _P else _table_text(block)
        for block in _children(cell, (_P, _TBL))
    ]
    # Paragraphs of one cell are often one entry each (a partner, a funder): kept apart by " ; "
    lines = [line for part in parts for line in part.split("\n")]  # w:br breaks a line too
    return " ; ".join(" ".join(line.split()) for line in lines if line.strip())


def _is_list_item(paragraph: _Element, list_styles: frozenset[str]) -> bool:
    """Numbered or bulleted: numbering set on the paragraph itself, or by its style."""
    ppr = paragraph.find(f"{_W}pPr")
    numbering = _numbering_of(ppr)
    if numbering is not None:
        return numbering
    style = ppr.find(f"{_W}pStyle") if ppr is not None else None
    return style is not None and style.get(f"{_W}val") in list_styles


def _numbering_of(ppr: _Element | None) -> bool | None:
    """True/False when `ppr` turns numbering on (numId ≠ 0) or off (numId 0); None if silent."""
    if ppr is None:
        return None
    num_id = ppr.find(f"{_W}numPr/{_W}numId")
    if num_id is None:
        return None
    return num_id.get(f"{_W}val") not in (None, "0")


def _list_style_ids(styles: _Element) -> frozenset[str]:
    """Ids of the paragraph styles that number or bullet their paragraphs.

    A style numbers when it (or the nearest base style that says either way) sets numbering,
    or when it is one of Word's "List Bullet …" / "List Number …" styles.
    """
    own: dict[str, bool | None] = {}
    based_on: dict[str, str] = {}
    for style in styles.iterchildren(f"{_W}style"):
        style_id = style.get(f"{_W}styleId")
        if not style_id or style.get(f"{_W}type", "paragraph") != "paragraph":
            continue
        numbering = _numbering_of(style.find(f"{_W}pPr"))
        name_element = style.find(f"{_W}name")
        name = (name_element.get(f"{_W}val", "") if name_element is not None else "").lower()
        if numbering is None and name.startswith(("list bullet", "list number")):
            numbering = True
        own[style_id] = numbering
        base = style.find(f"{_W}basedOn")
        if base is not None and base.get(f"{_W}val"):
            based_on[style_id] = base.get(f"{_W}val", "")

    def numbers(style_id: str) -> bool:
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current not in seen:  # base styles may form a cycle
            seen.add(current)
            if own.get(current) is not None:
                return bool(own[current])
            current = based_on.get(current)
        return False

    return frozenset(style_id for style_id in own if numbers(style_id))
