"""The demo's AMUDDU (Enabel publishes to IATI) exports as a valid file with its results."""

import io

import pytest
from django.core.management import call_command
from lxml import etree

from observatory.demo.load import load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_amuddu_programme_exports_valid_iati_with_approved_results(tmp_path):
    load_demo()
    path = tmp_path / "amuddu.xml"
    out = io.StringIO()
    call_command("iati", "export", "--programme", "AMUDDU", "-o", str(path), "--check",
                 stdout=out)
    assert "0 schema errors, 0 rule errors" in out.getvalue()
    activity = etree.parse(str(path)).find("iati-activity")
    assert activity.findtext("iati-identifier") == "BE-BCE_KBO-0264814354-AMUDDU"
    assert activity.find("sector").get("code") == "15190"
    actuals = [float(a.get("value")) for a in activity.iter("actual") if a.get("value")]
    assert 78 in actuals  # migrants enrolled in training, from the report
