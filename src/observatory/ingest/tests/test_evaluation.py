"""The evaluation harness scores what it should: a wrong harness would hide a bad extractor."""

from observatory.ingest.evaluation import evaluate, text_matches, token_f1

TRUTH = {"fiches": [{
    "key": "ProGEM",
    "title": "Management of migration challenges in Niger",
    "objectives": {"begins": "Host, transit and origin", "ends": "basic services."},
    "challenges": ["Balancing short-term expectations and long-term impact",
                   "Demanding capacity development"],
    "funders": [{"name": "EUTF", "amount": 25000000, "currency": "EUR"}],
    "countries": ["NE"],
    "start": "2016",
    "testimony": None,
}]}


def extracted(**changes):
    fiche = {
        "key": "ProGEM", "title": "Management of migration challenges in Niger",
        "objectives": "Host, transit and origin communities have better access to basic services.",
        "challenges": ["Balancing short-term expectations and long-term impact.",
                       "Demanding capacity development approach"],
        "funders": [{"name": "EU Trust Fund (EUTF)", "amount": 25000000.0, "currency": "EUR"}],
        "countries": ["NE"], "start": "2016", "testimony": None,
    }
    fiche.update(changes)
    return [fiche]


def test_a_perfect_extraction_scores_one():
    result = evaluate(TRUTH, extracted())
    assert result.total.f1 == 1.0
    assert result.total.tp == 8 and result.total.fp == 0 and result.total.fn == 0


def test_missing_and_extra_items_are_false_negatives_and_positives():
    result = evaluate(TRUTH, extracted(challenges=["Demanding capacity development approach",
                                                   "Something else entirely"],
                                       countries=["NE", "ML"]))
    challenges = result.fields["challenges"]
    assert (challenges.tp, challenges.fp, challenges.fn) == (1, 1, 1)
    assert (result.fields["countries"].tp, result.fields["countries"].fp) == (1, 1)
    assert any("missed Balancing" in m for m in challenges.misses)
    assert round(challenges.f1, 3) == 0.5


def test_a_wrong_value_counts_once_each_way_and_an_unexpected_one_is_a_false_positive():
    result = evaluate(TRUTH, extracted(start="2017", testimony="A quote nobody wrote down"))
    assert (result.fields["start"].fp, result.fields["start"].fn) == (1, 1)
    assert (result.fields["testimony"].fp, result.fields["testimony"].fn) == (1, 0)


def test_amounts_must_agree_and_names_may_be_acronyms():
    wrong = evaluate(TRUTH, extracted(funders=[{"name": "EUTF", "amount": 2500000,
                                                "currency": "EUR"}]))
    assert wrong.fields["funders"].tp == 0
    initials = evaluate(TRUTH, extracted(funders=[{"name": "European Union Trust Fund",
                                                   "amount": 25e6, "currency": "EUR"}]))
    assert initials.fields["funders"].tp == 1


def test_fiches_pair_by_key_and_unpaired_ones_count_against():
    result = evaluate(TRUTH, extracted(key="PROGEM-2", title="Another programme altogether"))
    assert result.total.tp == 0
    assert result.total.fn == 8 and result.total.fp == 8  # every value, both ways


def test_a_fiche_whose_key_was_misread_pairs_by_title_and_loses_only_its_key():
    result = evaluate(TRUTH, extracted(key="Project 1"))
    assert (result.fields["key"].tp, result.fields["key"].fp, result.fields["key"].fn) == (0, 1, 1)
    assert result.total.tp == 7 and result.total.fp == 1 and result.total.fn == 1


def test_fields_left_out_of_the_truth_are_not_scored():
    result = evaluate({"fiches": [{"key": "ProGEM"}]}, extracted())
    assert result.total.tp == 1 and result.total.fp == 0


def test_text_comparisons():
    assert token_f1("a b c d", "a b c d") == 1.0
    assert token_f1("a b", "c d") == 0.0
    assert text_matches({"begins": "1. Host, transit", "ends": "services"},
                        "Host transit and origin ... basic services.", 0.8)
    assert not text_matches({"begins": "Host", "ends": "health"}, "Host ... services", 0.8)


def test_the_report_prints_every_field_and_the_misses():
    report = evaluate(TRUTH, extracted(countries=[])).report()
    assert "ALL (micro)" in report and "countries" in report
    assert "[ProGEM] countries: missed NE" in report
