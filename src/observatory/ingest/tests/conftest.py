"""Fixtures shared by the ingestion tests: the sample report, PDFs made in memory, accounts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

REPO = Path(__file__).resolve().parents[4]
SAMPLE = REPO.parent / "shared" / "samples" / "pn-cfm-session1-report-2020.txt"
GROUND_TRUTH = REPO / "tests" / "data" / "pn-cfm-session1-report-2020.json"
SAMPLE_KEYS = ["ProGEM", "AMUDDU", "V4CP", "R2PM", "EUROSociAL+"]


def make_pdf(pages: list[str], size: int = 9) -> bytes:
    """A PDF with one page per text, each line of the text written as it is."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=size)
    for text in pages:
        pdf.add_page()
        for line in text.encode("latin-1", "replace").decode("latin-1").split("\n"):
            pdf.multi_cell(0, 4, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def encrypt(data: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password, "owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):  # type: ignore[no-untyped-def]
    """Accounts are made in most tests; the production hasher takes a third of a second."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def sample() -> bytes:
    return SAMPLE.read_bytes()


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    """The demo registry (ProGEM, AMUDDU … and the admin, editor and viewer accounts)."""
    from observatory.demo.load import load_demo

    load_demo()


@pytest.fixture
def accounts(db):  # type: ignore[no-untyped-def]
    """An administrator, an editor of Enabel, an editor of GIZ, a viewer of GIZ."""
    from observatory.accounts.services import create_account
    from observatory.registry import services

    enabel = services.get_or_create_organisation("Enabel, Belgian development agency", "Enabel")
    giz = services.get_or_create_organisation(
        "Deutsche Gesellschaft für Internationale Zusammenarbeit", "GIZ")
    return {
        "enabel": enabel, "giz": giz,
        "admin": create_account("boss", "pw-boss-12345", "administrator"),
        "editor": create_account("ed", "pw-ed-12345", "editor", enabel),
        "giz_editor": create_account("ged", "pw-ged-12345", "editor", giz),
        "viewer": create_account("vi", "pw-vi-12345", "viewer", giz),
    }
