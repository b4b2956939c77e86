"""Scores an extraction against hand-made ground truth (format: docs/ingest-ground-truth.md)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

TEXT_FIELDS = ("objectives", "expected_results", "main_features", "nexus", "testimony")
EXACT_FIELDS = ("key", "title", "start", "duration_months")
STATEMENT_FIELDS = ("challenges", "good_practices", "covid_adaptations")
SET_FIELDS = ("countries", "places")
ALL_FIELDS = (*EXACT_FIELDS, *TEXT_FIELDS, *STATEMENT_FIELDS, "sites", "funders", *SET_FIELDS,
              "partners", "indicators")


LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-•*–])\s+", re.MULTILINE)


def words(text: Any) -> list[str]:
    """The words of a text, lower case, without accents or list markers at line starts."""
    text = LIST_MARKER.sub(" ", str(text or ""))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.findall(r"\w+", text.casefold().replace("_", " "))


def token_f1(a: Any, b: Any) -> float:
    wa, wb = Counter(words(a)), Counter(words(b))
    common = sum((wa & wb).values())
    if not common:
        return 0.0
    precision, recall = common / sum(wa.values()), common / sum(wb.values())
    return 2 * precision * recall / (precision + recall)


def text_matches(expected: Any, extracted: Any, threshold: float) -> bool:
    if isinstance(expected, dict) and "begins" in expected:
        got = " ".join(words(extracted))
        return got.startswith(" ".join(words(expected["begins"]))) and \
            got.endswith(" ".join(words(expected.get("ends", ""))))
    return token_f1(expected, extracted) >= threshold


def _acronym(text: str) -> str:
    match = re.search(r"\(([A-Z][A-Za-z0-9&+-]{1,12})\)", text or "")
    return match.group(1).lower() if match else ""


def _url(text: str) -> str:
    match = re.match(r"(?i)(https?://)?([^/]+)(.*)", (text or "").strip())
    if not match:
        return text
    return (match.group(1) or "").lower() + match.group(2).lower() + match.group(3).rstrip("/")


def item_matches(name: str, expected: Any, got: Any) -> bool:
    if name in STATEMENT_FIELDS:
        return text_matches(expected, got, 0.7)
    if name == "sites":
        return _url(expected) == _url(got)
    if name == "countries":
        return str(expected).upper() == str(got).upper()
    if name == "places":
        return words(expected) == words(got)
    if name == "partners":
        acronym = _acronym(expected)
        return token_f1(expected, got) >= 0.6 or bool(acronym and acronym == _acronym(got))
    if name == "funders":
        if _amount(expected.get("amount")) != _amount(got.get("amount")):
            return False
        if (expected.get("currency") or None) != (got.get("currency") or None):
            return False
        a, b = expected.get("name") or "", got.get("name") or ""
        if not a and not b:
            return True
        return token_f1(a, b) >= 0.5 or _is_acronym_of(a, b) or _is_acronym_of(b, a)
    if name == "indicators":
        return (_amount(expected.get("value")) == _amount(got.get("value"))
                and _amount(expected.get("women")) == _amount(got.get("women"))
                and _amount(expected.get("youth")) == _amount(got.get("youth"))
                and token_f1(expected.get("unit"), got.get("unit")) >= 0.5)
    raise ValueError(name)


def _is_acronym_of(short: str, name: str) -> bool:
    """"EUTF" for "EU Trust Fund (EUTF)" or for "European Union Trust Fund"."""
    short_words = words(short)
    if len(short_words) != 1:
        return False
    initials = "".join(w[0] for w in words(re.sub(r"\([^)]*\)", " ", name)) if len(w) > 2)
    return short_words[0] in (_acronym(name), initials)


def _amount(value: Any) -> float | None:
    return None if value in (None, "") else float(value)


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    fields: dict[str, FieldScore]

    @property
    def total(self) -> FieldScore:
        total = FieldScore()
        for score in self.fields.values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        return total

    def report(self) -> str:
        lines = [f"{'field':<20}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>5}{'FN':>5}"]
        for name, s in self.fields.items():
            lines.append(f"{name:<20}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}"
                         f"{s.tp:6}{s.fp:5}{s.fn:5}")
        t = self.total
        lines.append(f"{'ALL (micro)':<20}{t.precision:7.3f}{t.recall:7.3f}{t.f1:7.3f}"
                     f"{t.tp:6}{t.fp:5}{t.fn:5}")
        misses = [m for s in self.fields.values() for m in s.misses]
        if misses:
            lines.append("")
            lines.append(f"{len(misses)} misses:")
            lines.extend(f"  {m}" for m in misses)
        return "\n".join(lines)


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 90 else text[:87] + "…"


def evaluate(ground_truth: dict[str, Any], extracted: list[dict[str, Any]]) -> Evaluation:
    """Compare extracted fiches (dicts in the ground-truth format) with the ground truth.

    Fiches are paired by key; a fiche whose key was misread is paired by its title instead, so
    the key counts as one miss and the fiche's other fields are still scored."""
    scores = {name: FieldScore() for name in ALL_FIELDS}
    expected_fiches = list(ground_truth.get("fiches", []))
    pairs = _pair_fiches(expected_fiches, extracted)
    for index, expected in enumerate(expected_fiches):
        got = pairs.get(index)
        for name in ALL_FIELDS:
            if name not in expected:
                continue
            _score_field(scores[name], name, expected.get("key"), expected[name],
                         got.get(name) if got is not None else None)
    paired_ids = {id(got) for got in pairs.values()}
    for got in extracted:
        if id(got) in paired_ids:
            continue  # a misread key was scored with its fiche
        for name in ALL_FIELDS:
            value = got.get(name)
            for item in value if isinstance(value, list) else [value]:
                if item not in (None, "", []):
                    scores[name].fp += 1
                    scores[name].misses.append(
                        f"[{got.get('key')}] {name}: extracted from a fiche not in the ground "
                        f"truth: {_short(item)}")
    return Evaluation(scores)


def _pair_fiches(expected: list[dict[str, Any]], extracted: list[dict[str, Any]]
                 ) -> dict[int, dict[str, Any]]:
    """Ground-truth index -> extracted fiche: same key first, then the most similar title."""
    by_key = {" ".join(words(f.get("key"))): f for f in extracted}
    pairs: dict[int, dict[str, Any]] = {}
    for index, fiche in enumerate(expected):
        got = by_key.get(" ".join(words(fiche.get("key"))))
        if got is not None:
            pairs[index] = got
    free = [f for f in extracted if all(f is not g for g in pairs.values())]
    for index, fiche in enumerate(expected):
        if index in pairs or not free:
            continue
        best = max(free, key=lambda f: token_f1(fiche.get("title"), f.get("title")))
        if token_f1(fiche.get("title"), best.get("title")) >= 0.6:
            pairs[index] = best
            free.remove(best)
    return pairs


def _score_field(score: FieldScore, name: str, label: str, expected: Any, got: Any) -> None:
    if isinstance(expected, list) or name in STATEMENT_FIELDS or name in SET_FIELDS or \
            name in ("sites", "funders", "partners", "indicators"):
        expected_items = list(expected or [])
        got_items = list(got or [])
        unused = list(range(len(got_items)))
        for item in expected_items:
            match = next((i for i in unused if item_matches(name, item, got_items[i])), None)
            if match is None:
                score.fn += 1
                score.misses.append(f"[{label}] {name}: missed {_short(item)}")
            else:
                score.tp += 1
                unused.remove(match)
        for i in unused:
            score.fp += 1
            score.misses.append(f"[{label}] {name}: extra {_short(got_items[i])}")
        return
    empty_expected = expected in (None, "")
    empty_got = got in (None, "")
    if empty_expected and empty_got:
        return
    if empty_expected:
        score.fp += 1
        score.misses.append(f"[{label}] {name}: extracted {_short(got)} where none is expected")
        return
    if empty_got:
        score.fn += 1
        score.misses.append(f"[{label}] {name}: missed {_short(expected)}")
        return
    ok = text_matches(expected, got, 0.8) if name in TEXT_FIELDS else words(expected) == words(got)
    if ok:
        score.tp += 1
    else:
        score.fp += 1
        score.fn += 1
        score.misses.append(f"[{label}] {name}: expected {_short(expected)}, got {_short(got)}")
