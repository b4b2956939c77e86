"""Deterministic benchmark input for report ingestion: a long "annex" of varied programme fiches.

The fiches are taken from the project's own examples of the genre — the sample report
(../shared/samples/pn-cfm-session1-report-2020.txt, its "Annex 2 – Project forms") and the
three invented reports in tests/data/unseen/ — and cut apart at the key lines given by their
ground-truth JSON files. Each copy is then varied with a seeded random generator:

* its key is renamed ("ProGEM" → "ProGEM 017");
* a random subset of its sections is kept (the first section always, at least two in all),
  sometimes in another order; the narrow-column cells of a dropped section are kept;
* amounts, years, durations and country names are substituted from small lists.

Copies are concatenated until the text reaches the requested number of pages, a page of a
plain-text file being counted as PAGE_CHARS characters. The same text is also laid out as a
real PDF (fpdf2, one paragraph per blank-line-separated block, automatic page breaks) and as a
.docx (python-docx, one paragraph per block).

Nothing here imports the extractor: the input does not depend on what it is meant to measure.
"""

from __future__ import annotations

import io
import json
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "samples" / "pn-cfm-session1-report-2020.txt"
SAMPLE_TRUTH = ROOT / "tests" / "data" / "pn-cfm-session1-report-2020.json"
UNSEEN = ROOT / "tests" / "data" / "unseen"
SOURCES = [  # (report, ground truth, language, first line of the annex of fiches)
    (SAMPLE, SAMPLE_TRUTH, "en", "Annex 2"),
    (UNSEEN / "en-review-2023.txt", UNSEEN / "en-review-2023.json", "en", "Annex B"),
    (UNSEEN / "fr-atelier-2021.txt", UNSEEN / "fr-atelier-2021.json", "fr", "Annexe"),
    (UNSEEN / "es-informe-2022.md", UNSEEN / "es-informe-2022.json", "es", "## Anexo"),
]

#: Characters counted as one page of a plain-text (or .docx) document.
PAGE_CHARS = 3000
SEED = 20240601
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
#: Font size of the PDF, chosen so that the 100-page text of the default seed fills 100 A4 pages.
PDF_FONT_SIZE = 8.4

# Section headings of the sources, recognised by how their first line starts (lower case, no
# accents, no markdown). Only used to cut a fiche into sections; it lists the headings the
# sources actually use, independently of the extractor's lexicon.
_HEADING_STARTS = (
    "main objectives", "objectives", "objectifs principaux", "objetivos principales",
    "main features", "key features", "principales caracteristiques", "caracteristiques",
    "caracteristicas principales", "how the project addresses", "migration-development nexus",
    "migration\u2013development nexus", "comment le projet aborde", "como aborda el proyecto",
    "key challenges", "challenges", "principaux defis", "principales desafios",
    "key good practices", "lessons and good practices", "bonnes pratiques", "buenas practicas",
    "during the covid", "covid-19 response", "pendant la crise", "durante la crisis",
    "project site", "website", "site du projet", "sitio web",
)
_SIDEBAR_MAX = 48  # a line of the layout's narrow column is at most this long

_AMOUNTS = {"en": ["2", "4.5", "7", "9.5", "12", "18", "25", "32", "41"],
            "fr": ["2", "4,5", "7", "9,5", "12", "18", "25", "32", "41"],
            "es": ["2", "4,5", "7", "9,5", "12", "18", "25", "32", "41"]}
_FULL_AMOUNTS = ["750.000", "1.200.000", "3.000.000", "5.500.000", "9.000.000", "14.000.000"]
_DURATIONS = ["24", "30", "36", "42", "48", "60"]
_COUNTRIES = {
    "en": ["Niger", "Morocco", "Burkina Faso", "Ghana", "Rwanda", "Indonesia", "Kenya", "Togo",
           "Mali", "Ethiopia", "Uganda", "Senegal", "Tunisia", "Guinea", "Chad", "Mauritania",
           "Benin", "Cameroon", "Gambia", "Nigeria"],
    "fr": ["Mali", "Sénégal", "Côte d'Ivoire", "Guinée", "Niger", "Burkina Faso", "Mauritanie",
           "Bénin", "Togo", "Cameroun", "Maroc", "Tunisie", "Italie", "Gambie"],
    "es": ["Marruecos", "Costa de Marfil", "España", "Guatemala", "Honduras", "El Salvador",
           "México", "Senegal", "Túnez", "Colombia", "Ecuador", "Perú"],
}
_MONEY_NUMBER = re.compile(
    r"(?<![\d.,])\d+(?:[.,]\d+)?(?=\s*(?:mio|million|millions|millones|M)\b)")
_FULL_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?=\s*(?:€|EUR|euros?)\b|\s*€)")
_YEAR = re.compile(r"(?<!\d)(20[0-2]\d)(?!\d)")
_DURATION = re.compile(r"\((\d{2})(\s+(?:months|mois|meses)\))")


@dataclass(frozen=True)
class SourceFiche:
    key: str
    language: str
    key_line: str  # the key line as written (may carry markdown: "### CIRCULA+")
    # Blocks, each with the number of line breaks before it (the sidebar's cells stand between
    # runs of blank lines in the sample):
    header: list[tuple[int, str]]  # the key line and the title
    preamble: list[tuple[int, str]]  # blocks between the title and the first section heading
    sections: list[list[tuple[int, str]]]  # each: heading block, then its blocks


@dataclass(frozen=True)
class Document:
    text: str
    fiches: int  # fiches written
    keys: list[str]

    @property
    def pages(self) -> float:
        return len(self.text) / PAGE_CHARS


def _blocks(text: str) -> list[str]:
    return [b.strip("\n") for b in re.split(r"\n[ \t]*\n", text) if b.strip()]


def _gapped_blocks(text: str) -> list[tuple[int, str]]:
    """The blocks of `text`, each with the number of line breaks before it (at least 2)."""
    pieces = re.split(r"((?:\n[ \t]*){2,})", text)
    result, gap = [], 2
    for piece in pieces:
        if not piece.strip():
            gap = max(2, piece.count("\n"))
        else:
            result.append((gap, piece.strip("\n")))
    return result


def _bare(line: str) -> str:
    return re.sub(r"^[#>*\s]+|[*\s]+$", "", line)


def _is_heading(line: str) -> bool:
    text = unicodedata.normalize("NFKD", _bare(line).lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return len(text) <= 80 and not text.endswith((".", ";", ",")) and \
        text.startswith(_HEADING_STARTS)


def source_fiches() -> list[SourceFiche]:
    fiches: list[SourceFiche] = []
    for path, truth, language, annex in SOURCES:
        lines = path.read_text(encoding="utf-8").split("\n")
        first = next(n for n, line in enumerate(lines) if line.startswith(annex))
        keys = [f["key"] for f in json.loads(truth.read_text(encoding="utf-8"))["fiches"]]
        starts = [next(n for n in range(first, len(lines)) if _bare(lines[n]) == key)
                  for key in keys]
        for n, (key, start) in enumerate(zip(keys, starts, strict=True)):
            end = starts[n + 1] if n + 1 < len(starts) else len(lines)
            body = [b for b in _gapped_blocks("\n".join(lines[start:end]))
                    if b[1].strip() != "---"]
            header, rest = body[:2], body[2:]  # key line, title line
            preamble: list[tuple[int, str]] = []
            sections: list[list[tuple[int, str]]] = []
            for block in rest:
                if _is_heading(block[1].split("\n", 1)[0]):
                    sections.append([block])
                elif sections:
                    sections[-1].append(block)
                else:
                    preamble.append(block)
            fiches.append(SourceFiche(key, language, lines[start], header, preamble, sections))
    return fiches


def _is_cell(gapped: tuple[int, str]) -> bool:
    """A block of the layout's narrow column (funders, dates, places, partners) or a table of
    labelled values: kept when the section around it is dropped."""
    block = gapped[1]
    lines = block.split("\n")
    if block.rstrip().endswith((":", ".", ";")):
        return False
    if all(line.lstrip().startswith(("|", ">")) for line in lines):
        return True
    return all(len(line.strip()) <= _SIDEBAR_MAX and not line.lstrip().startswith(("-", "•"))
               for line in lines)


def vary(fiche: SourceFiche, number: int, rng: random.Random) -> str:
    """One varied copy of `fiche`, as text with blank lines between blocks."""
    key_line = (2, fiche.key_line.replace(fiche.key, f"{fiche.key} {number:03d}", 1))
    first, others = fiche.sections[0], fiche.sections[1:]
    kept = [s for s in others if rng.random() < 0.7]
    if not kept and others:
        kept = [rng.choice(others)]
    dropped = [s for s in others if not any(s is k for k in kept)]
    if rng.random() < 0.3:
        rng.shuffle(kept)
    # The cells of dropped sections stay, after the first section.
    cells = [b for section in dropped for b in section[1:] if _is_cell(b)]
    blocks = [key_line, *fiche.header[1:], *fiche.preamble, *first, *cells]
    for section in kept:
        blocks.extend(section)
    text = "".join("\n" * gap + block for gap, block in blocks).lstrip("\n")

    language = fiche.language
    amounts = _AMOUNTS[language]
    text = _MONEY_NUMBER.sub(lambda m: rng.choice(amounts), text)
    text = _FULL_NUMBER.sub(lambda m: rng.choice(_FULL_AMOUNTS), text)
    shift = rng.randint(-4, 2)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    text = _DURATION.sub(lambda m: f"({rng.choice(_DURATIONS)}{m.group(2)}", text)
    pool = _COUNTRIES[language]
    swapped = pool[:]
    rng.shuffle(swapped)
    mapping = dict(zip(pool, swapped, strict=True))
    names = sorted(pool, key=len, reverse=True)
    country = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    return country.sub(lambda m: mapping[m.group(1)], text)


def build_document(pages: int = 100, seed: int = SEED) -> Document:
    """Varied fiches concatenated until the text holds `pages` × PAGE_CHARS characters."""
    rng = random.Random(seed)
    sources = source_fiches()
    parts = ["Compiled programme forms (benchmark input)",
             "Annex – Project forms"]
    keys: list[str] = []
    order: list[SourceFiche] = []
    while sum(len(p) + 4 for p in parts) < pages * PAGE_CHARS:
        if not order:  # every source fiche once per round, in a random order
            order = sources[:]
            rng.shuffle(order)
        fiche = order.pop()
        number = len(keys) + 1
        parts.append(vary(fiche, number, rng))
        keys.append(f"{fiche.key} {number:03d}")
    # Four line breaks between fiches, as in the sample.
    text = "\n\n\n\n".join(parts) + "\n"
    return Document(text, len(keys), keys)


def paragraphs(text: str) -> list[str]:
    """The blocks (blank-line-separated) of `text`: one paragraph each in the PDF and .docx."""
    return _blocks(text)


def pdf_font() -> str:
    return "DejaVu Sans" if (FONT_DIR / "DejaVuSans.ttf").exists() else "Helvetica (core font)"


def to_pdf(text: str, font_size: float = PDF_FONT_SIZE) -> tuple[bytes, int]:
    """The text laid out on A4 pages with fpdf2; returns the bytes and the page count."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    regular = FONT_DIR / "DejaVuSans.ttf"
    if regular.exists():
        pdf.add_font("DejaVu", "", str(regular))
        pdf.set_font("DejaVu", size=font_size)
        encode = str
    else:  # a core font: Latin-1 only
        pdf.set_font("helvetica", size=font_size)

        def encode(s: str) -> str:
            s = s.translate({0x2013: "-", 0x2014: "-", 0x2019: "'", 0x2018: "'",
                             0x201C: '"', 0x201D: '"', 0x2022: "-", 0x2026: "..."})
            return s.encode("latin-1", "replace").decode("latin-1")
    pdf.add_page()
    line_height = font_size * 0.45
    for block in paragraphs(text):
        pdf.multi_cell(0, line_height, encode(block), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(line_height * 0.8)
    return bytes(pdf.output()), pdf.page_no()


def to_docx(text: str) -> bytes:
    """The text as a Word document, one paragraph per block (line breaks kept as breaks)."""
    import docx

    document = docx.Document()
    for block in paragraphs(text):
        document.add_paragraph(block)  # python-docx turns "\n" into <w:br/>
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


if __name__ == "__main__":  # write the inputs, to look at them
    import sys

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "bench-out")
    out.mkdir(exist_ok=True)
    doc = build_document()
    (out / "fiches-100p.txt").write_text(doc.text, encoding="utf-8")
    pdf, pdf_pages = to_pdf(doc.text)
    (out / "fiches-100p.pdf").write_bytes(pdf)
    (out / "fiches-100p.docx").write_bytes(to_docx(doc.text))
    print(f"{doc.fiches} fiches, {len(doc.text):,} characters ({doc.pages:.1f} pages of "
          f"{PAGE_CHARS}), PDF {pdf_pages} pages, written to {out}/")
