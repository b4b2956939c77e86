"""File readers: each format's text and pages, and a clear IngestError for every bad input."""

from __future__ import annotations

import io
import logging
import struct
import time
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter
from pypdf.errors import DependencyError

from observatory.ingest import readers
from observatory.ingest.errors import IngestError
from observatory.ingest.readers import ReadDocument, read_document

SAMPLE = (
    Path(__file__).resolve().parents[4].parent
    / "shared"
    / "samples"
    / "pn-cfm-session1-report-2020.txt"
)


def read_fails(filename: str, data: bytes) -> str:
    """The lower-cased message of the IngestError that reading the file raises."""
    with pytest.raises(IngestError) as caught:
        read_document(filename, data)
    assert caught.value.message == str(caught.value)
    assert "Traceback" not in caught.value.message
    return caught.value.message.lower()


# -- fixtures built in memory ----------------------------------------------------------------


def make_pdf(pages: list[str]) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def tiny_png(width: int = 4, height: int = 4) -> bytes:
    """A grey RGB PNG made with zlib and struct only."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        checksum = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", checksum)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def make_scanned_pdf(pages: int = 2) -> bytes:
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        pdf.image(io.BytesIO(tiny_png()), x=10, y=10, w=190)
    return bytes(pdf.output())


def encrypt(data: bytes, user_password: str, owner_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    # RC4 needs no crypto package; AES would need "cryptography" to write the fixture.
    writer.encrypt(user_password, owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Programme fiche", level=1)
    document.add_paragraph("Title: Mobility for development")
    document.add_paragraph("")  # an empty paragraph is skipped
    document.add_paragraph("Main challenges:")
    document.add_paragraph("Late disbursement of funds", style="List Bullet")
    document.add_paragraph("Staff turnover", style="List Bullet")
    document.add_paragraph("First step", style="List Number")
    table = document.add_table(rows=3, cols=3)
    for row, values in enumerate(
        [("Funder", "Amount", "Currency"), ("EUTF", "4 000 000", "EUR"), ("Enabel", "", "")]
    ):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    merged = table.cell(2, 1).merge(table.cell(2, 2))
    merged.text = "to be confirmed"
    document.add_paragraph("Café – après la table")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, body in entries.items():
            archive.writestr(name, body)
    return out.getvalue()


def replace_in_zip(data: bytes, name: str, body: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = {entry: archive.read(entry) for entry in archive.namelist()}
    entries[name] = body
    return zip_bytes(entries)


# -- text and markdown -----------------------------------------------------------------------


def test_the_sample_report_reads_as_its_utf8_text_so_stored_offsets_agree():
    data = SAMPLE.read_bytes()
    document = read_document(SAMPLE.name, data)
    assert document.text == data.decode("utf-8")
    assert document.format == "txt"
    assert document.page_starts == (0,)
    assert document.page_of(1000) is None


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""), ("utf-16", b"")],
)
def test_text_is_decoded_with_crlf_normalised_and_the_bom_dropped(encoding, prefix):
    original = "Défis :\r\n\r\n– retards de décaissement\rGood practice: “twinning”\n"
    data = prefix + original.encode(encoding)  # Python's "utf-16" writes a BOM itself
    document = read_document("report.txt", data)
    assert document.text == "Défis :\n\n– retards de décaissement\nGood practice: “twinning”\n"


def test_markdown_keeps_its_markup_and_extensions_are_case_insensitive():
    data = b"# Fiche\n\n* **Funder**: EUTF\n"
    for name in ("fiche.md", "FICHE.MARKDOWN", "C:\\Users\\me\\Fiche.Md"):
        document = read_document(name, data)
        assert document.format == "md"
        assert document.text == data.decode()
    assert read_document("REPORT.TXT", b"text").format == "txt"


def test_text_is_kept_as_decoded_without_unicode_normalisation():
    decomposed = "Cafe\u0301 and tabs\tand trailing spaces  \n"
    assert read_document("r.txt", decomposed.encode()).text == decomposed


@pytest.mark.parametrize("name", ["report.txt", "report.md", "report.pdf", "report.docx"])
def test_an_empty_file_is_refused(name):
    assert "empty" in read_fails(name, b"")


def test_a_text_file_with_only_whitespace_is_refused():
    assert "no text" in read_fails("report.txt", b" \r\n\t\n  ")


def test_binary_data_named_txt_is_refused():
    assert "binary" in read_fails("report.txt", b"text\x00with\x00nul bytes")
    controls = bytes(range(1, 9)) * 20 + b"some text"
    assert "binary" in read_fails("notes.md", controls)


def test_a_pdf_or_docx_named_txt_is_recognised():
    message = read_fails("report.txt", make_pdf(["Some text on one page of a PDF file."]))
    assert "pdf" in message and "extension" in message
    assert "zip" in read_fails("report.md", make_docx())


def test_undecodable_text_names_the_encodings_tried():
    # 0x81 and 0x8D are undefined in Windows-1252 and invalid as UTF-8 here.
    message = read_fails("report.txt", b"caf\xe9 \x81\x8d")
    assert "could not be decoded" in message and "utf-8" in message
    assert "windows-1252" in message
    message = read_fails("report.txt", b"\xff\xfe" + "odd".encode("utf-16-le") + b"\x00")
    assert "utf-16" in message and "windows-1252" not in message


def test_unknown_extensions_are_refused():
    for name in ("report.odt", "report", "report.doc", ".txt"):
        message = read_fails(name, b"some text")
        assert "not a supported file type" in message and ".docx" in message


def test_an_oversized_file_is_refused_before_anything_else():
    message = read_fails("huge.exe", b" " * (readers.MAX_BYTES + 1))
    assert "too large" in message and "20 mb" in message


def test_too_much_text_is_refused(monkeypatch):
    monkeypatch.setattr(readers, "MAX_CHARS", 10)
    assert "more than 10 characters" in read_fails("report.txt", b"0123456789abc")
    assert "more than" in read_fails("report.docx", make_docx())
    assert "more than" in read_fails("report.pdf", make_pdf(["A page with enough text."] * 2))


# -- PDF ---------------------------------------------------------------------------------------


def test_a_pdf_reads_page_by_page_with_page_starts():
    pages = [
        "Page one: programme PN-CFM, objectives and expected results.",
        "Page two: funders are the EU Trust Fund and Enabel.",
        "Page three: challenges and good practices.",
    ]
    document = read_document("Report.PDF", make_pdf(pages))
    assert document.format == "pdf"
    assert len(document.page_starts) == 3 and document.page_starts[0] == 0
    assert document.page_count == 3
    for number, text in enumerate(pages, start=1):
        offset = document.text.index(text)
        assert document.page_of(offset) == number
        assert document.page_of(offset + len(text) - 1) == number
        assert document.text[document.page_starts[number - 1] :].startswith(text)
    # Pages are joined by a blank line, which belongs to the page before it.
    second = document.page_starts[1]
    assert document.text[second - 2 : second] == "\n\n"
    assert document.page_of(second - 1) == 1
    assert document.page_of(len(document.text)) == 3
    assert "\r" not in document.text
    with pytest.raises(ValueError):
        document.page_of(-1)
    with pytest.raises(ValueError):
        document.page_of(len(document.text) + 1)


def test_a_hundred_page_pdf_reads_quickly():
    body = "Programme fiche text with objectives, results and partners. " * 30
    data = make_pdf([f"Page {number}. {body}" for number in range(1, 101)])
    started = time.perf_counter()
    document = read_document("long.pdf", data)
    elapsed = time.perf_counter() - started
    assert len(document.page_starts) == 100
    assert document.page_of(document.text.index("Page 57.")) == 57
    assert elapsed < 3, f"reading 100 pages took {elapsed:.2f} s"


def test_a_password_protected_pdf_is_refused_with_what_to_do():
    data = encrypt(make_pdf(["Confidential report text, long enough."]), "secret", "owner")
    message = read_fails("report.pdf", data)
    assert "protected by a password" in message and "remove the protection" in message


def test_a_pdf_with_only_an_owner_password_is_read():
    text = "Restricted printing, but anyone can open and read this page."
    document = read_document("report.pdf", encrypt(make_pdf([text]), "", "owner"))
    assert text in document.text


def test_a_pdf_encrypted_with_aes_but_no_crypto_package_says_what_to_do(monkeypatch):
    def needs_cryptography(self, password):
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", needs_cryptography)
    data = encrypt(make_pdf(["Restricted copying, readable page text."]), "", "owner")
    message = read_fails("report.pdf", data)
    assert "encrypted" in message and "remove the protection" in message


def test_a_scanned_pdf_without_text_layer_is_refused():
    message = read_fails("scan.pdf", make_scanned_pdf())
    assert "scanned" in message and "ocr" in message and "not supported" in message


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 3],
        lambda data: b"%PDF-1.7\n" + bytes(range(256)) * 40,
        lambda data: data.replace(b"/Type /Pages", b"/Type /Pagez").replace(b"/Kids", b"/Kidz"),
        lambda data: data.replace(b"/FlateDecode", b"/FancyDecode"),
    ],
    ids=["truncated", "garbage", "no-page-tree", "unsupported-filter"],
)
def test_a_damaged_pdf_is_refused_with_a_clear_message(damage):
    data = damage(make_pdf(["Page one text that is long enough.", "Page two text as well."]))
    message = read_fails("report.pdf", data)
    assert "damaged" in message or "no pages" in message


def test_a_pdf_with_too_many_pages_is_refused(monkeypatch):
    monkeypatch.setattr(readers, "MAX_PAGES", 2)
    message = read_fails("report.pdf", make_pdf(["Page text long enough to count."] * 3))
    assert "3 pages" in message and "limit is 2" in message


def test_content_that_is_not_a_pdf_is_refused():
    message = read_fails("report.pdf", b"Just some text, not a PDF.")
    assert "not" in message and "pdf" in message
    assert "zip" in read_fails("report.pdf", make_docx())


def test_pypdf_warnings_about_recoverable_flaws_stay_quiet(caplog, capsys):
    data = make_pdf(["A page that reads fine despite a wrong xref pointer."])
    startxref = data.rindex(b"startxref")
    broken = data[:startxref] + b"startxref\n12\n%%EOF\n"
    with caplog.at_level(logging.WARNING):
        document = read_document("report.pdf", broken)
    assert "reads fine" in document.text
    assert not [record for record in caplog.records if record.name.startswith("pypdf")]
    assert capsys.readouterr().err == ""


# -- DOCX --------------------------------------------------------------------------------------


def test_a_docx_reads_headings_paragraphs_lists_and_tables_in_order():
    document = read_document("fiche.docx", make_docx())
    assert document.format == "docx"
    assert document.page_starts == (0,)
    assert document.page_of(5) is None
    assert document.text == (
        "# Programme fiche\n\n"  # Word's heading styles become markdown heading levels
        "Title: Mobility for development\n\n"
        "Main challenges:\n\n"
        "- Late disbursement of funds\n\n"
        "- Staff turnover\n\n"
        "- First step\n\n"
        "Funder\tAmount\tCurrency\n"
        "EUTF\t4 000 000\tEUR\n"
        "Enabel\tto be confirmed\n\n"
        "Café – après la table"
    )


def test_docx_numbering_on_the_paragraph_or_a_base_style_makes_a_list_item():
    document = docx.Document()
    base = document.styles["List Bullet"]
    derived = document.styles.add_style("Risk list", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = base
    document.add_paragraph("Derived bullet", style="Risk list")
    plain = document.add_paragraph("Direct numbering")
    plain_ppr = plain._p.get_or_add_pPr()
    num_pr = plain_ppr._add_numPr()
    num_pr._add_numId(val=1)
    document.add_paragraph("Not a list")
    out = io.BytesIO()
    document.save(out)
    text = read_document("lists.docx", out.getvalue()).text
    assert text == "- Derived bullet\n\n- Direct numbering\n\nNot a list"


def test_docx_tracked_insertions_are_read_and_deletions_left_out():
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = (
        f'<w:document xmlns:w="{w}"><w:body><w:p>'
        '<w:r><w:t xml:space="preserve">Budget: </w:t></w:r>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText>3 M</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>4 M</w:t></w:r></w:ins>'
        "<w:r><w:tab/><w:t>EUR</w:t></w:r>"
        "</w:p></w:body></w:document>"
    ).encode()
    data = replace_in_zip(make_docx(), "word/document.xml", body)
    assert read_document("tracked.docx", data).text == "Budget: 4 M\tEUR"


def test_a_docx_with_no_text_is_refused():
    out = io.BytesIO()
    docx.Document().save(out)
    assert "no text" in read_fails("blank.docx", out.getvalue())


def test_content_that_is_not_a_docx_is_refused():
    assert "not" in read_fails("report.docx", b"plain text, not a Word file")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    message = read_fails("report.docx", ole)
    assert "old word (.doc)" in message and "password" in message and "save it as .docx" in message
    message = read_fails("report.docx", zip_bytes({"content.xml": b"<office/>"}))
    assert "zip archive" in message


def test_a_damaged_docx_is_refused_with_a_clear_message():
    data = make_docx()
    assert "damaged" in read_fails("report.docx", data[: len(data) // 2])
    broken = replace_in_zip(data, "word/document.xml", b"<w:document>not xml")
    assert "damaged" in read_fails("report.docx", broken)


def test_a_docx_with_encrypted_zip_entries_is_refused():
    data = bytearray(make_docx())
    position = data.find(b"PK\x01\x02")
    while position != -1:  # set the "encrypted" flag of every central directory entry
        data[position + 8] |= 0x1
        position = data.find(b"PK\x01\x02", position + 4)
    assert "protected by a password" in read_fails("locked.docx", bytes(data))


def test_a_docx_zip_bomb_is_refused_before_parsing(monkeypatch):
    bomb = replace_in_zip(make_docx(), "word/media/padding.bin", b"\x00" * (8 * 1024 * 1024))
    message = read_fails("bomb.docx", bomb)
    assert "compressed far more" in message and "zip bomb" in message and "not read" in message
    monkeypatch.setattr(readers, "MAX_DOCX_UNCOMPRESSED", 10_000)
    message = read_fails("big.docx", make_docx())
    assert "unpacks to" in message and "more than a word document should" in message


def test_a_docx_declaring_external_entities_is_refused_without_resolving_them(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
        f'<w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    ).encode()
    data = replace_in_zip(make_docx(), "word/document.xml", body)
    message = read_fails("xxe.docx", data)
    assert "damaged" in message and "top-secret" not in message


def test_python_docx_itself_does_not_resolve_entities(tmp_path):
    """The second line of defence: python-docx's parser leaves entity references alone."""
    from docx.oxml.parser import parse_xml

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xml = (f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]><r>&xxe;</r>').encode()
    assert "TOP-SECRET" not in (parse_xml(xml).xpath("string(.)") or "")


def test_read_document_returns_an_immutable_value():
    document = read_document("r.txt", b"abc")
    assert isinstance(document, ReadDocument)
    with pytest.raises(AttributeError):
        document.text = "changed"  # type: ignore[misc]


def test_docx_heading_levels_and_a_table_cell_of_several_paragraphs():
    document = docx.Document()
    document.add_heading("Annex 2", level=1)
    document.add_heading("MOBILAB – Skills Mobility", level=2)
    document.add_heading("Objectives", level=3)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Partners"
    table.cell(0, 1).text = "ANAPEC"
    table.cell(0, 1).add_paragraph("VDAB")
    out = io.BytesIO()
    document.save(out)
    text = read_document("fiche.docx", out.getvalue()).text
    assert text == ("# Annex 2\n\n## MOBILAB – Skills Mobility\n\n### Objectives\n\n"
                    "Partners\tANAPEC ; VDAB")
