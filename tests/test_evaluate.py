"""``khabar.evaluate`` and ``khabar evaluate``: counting on hand-made cases, misses, and equality
with the shared scorer on the seeds (for the real output and for many altered predictions)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import khabar
from khabar.evaluate import Evaluation, fold

# ---------------------------------------------------------------- a small gold set of our own

TEXT_EN = (
    "Amman, 4 May 2022 - Jordan and Japan signed an agreement on water on Tuesday, the foreign "
    'ministry said. "We will build two plants by 2025," said Ayman Safadi, the foreign minister. '
    "Safadi met the Japanese ambassador in Amman."
)
TEXT_AR = (
    "عمان - وقع الأردن واليابان اتفاقية للمياه يوم الثلاثاء. "
    'وقال وزير الخارجية أيمن الصفدي: "سنبني محطتين بحلول عام 2025".'
)


def _at(text: str, needle: str) -> dict[str, Any]:
    i = text.index(needle)
    return {"start": i, "end": i + len(needle), "text": needle}


GOLD: dict[str, dict[str, Any]] = {
    "en": {
        "title": None,
        "published": "2022-05-04",
        "cluster": "W",
        "boilerplate": [],
        "content": ["Jordan and Japan signed"],
        "entities": [
            {"kind": "country", "id": "JOR"},
            {"kind": "country", "id": "JPN"},
            {"kind": "person", "name": "Ayman Safadi", "key": ["Safadi", "الصفدي"]},
            {"kind": "location", "name": "Amman", "key": ["Amman"], "optional": True},
        ],
        "dates": [
            {"surface": "4 May 2022", "value": "2022-05-04"},
            {"surface": "Tuesday", "value": "2022-05-03"},
            {"surface": "2025", "value": "2025"},
        ],
        "quotes": [{"speaker": "Ayman Safadi", "key": ["Safadi"], "starts": "We will build"}],
        "events": [
            {"type": "AGREE", "actors": ["JOR", "JPN"]},
            {"type": "CONSULT", "actors": ["JOR", "JPN"], "optional": True},
        ],
    },
    "ar": {
        "cluster": "W",
        "published_in_cluster": "2022-05-04",
        "entities": [
            {"kind": "country", "id": "JOR"},
            {"kind": "country", "id": "JPN"},
            {"kind": "person", "name": "Ayman Safadi", "key": ["الصفدي"]},
        ],
        "dates": [{"surface": "يوم الثلاثاء", "value": "2022-05-03", "needs": "cluster"}],
        "quotes": [{"speaker": "Ayman Safadi", "key": ["الصفدي"], "starts": "سنبني محطتين"}],
        "events": [{"type": "AGREE", "actors": ["JOR", "JPN"], "alt_types": ["COOPERATE"]}],
    },
}


def _good_en() -> dict[str, Any]:
    t = TEXT_EN
    return {
        "id": "en",
        "text": t,
        "published": "2022-05-04",
        "published_source": "text",
        "body": t,
        "cluster": "c1",
        "entities": [
            {"id": "JOR", "kind": "country", "name": "Jordan", "mentions": [_at(t, "Jordan")]},
            {"id": "JPN", "kind": "country", "name": "Japan", "mentions": [_at(t, "Japan")]},
            {
                "id": "ayman-safadi",
                "kind": "person",
                "name": "Ayman Safadi",
                "mentions": [_at(t, "Safadi met")],
            },
        ],
        "dates": [
            {**_at(t, "4 May 2022"), "value": "2022-05-04", "grain": "day"},
            {**_at(t, "Tuesday"), "value": "2022-05-03", "grain": "day"},
            {**_at(t, "2025"), "value": "2025", "grain": "year"},
        ],
        "quotes": [{**_at(t, "We will build two plants by 2025,"), "speaker": "ayman-safadi"}],
        "events": [{"type": "AGREE", "source": ["JOR"], "target": ["JPN"]}],
    }


def _good_ar() -> dict[str, Any]:
    t = TEXT_AR
    return {
        "id": "ar",
        "text": t,
        "published": "2022-05-04",
        "published_source": "cluster",
        "body": t,
        "cluster": "c1",
        "entities": [
            {"id": "JOR", "kind": "country", "name": "Jordan", "mentions": [_at(t, "الأردن")]},
            {"id": "JPN", "kind": "country", "name": "Japan", "mentions": [_at(t, "اليابان")]},
            {
                "id": "ayman-safadi",
                "kind": "person",
                "name": "Ayman Safadi",
                "mentions": [_at(t, "أيمن الصفدي")],
            },
        ],
        "dates": [{**_at(t, "يوم الثلاثاء"), "value": "2022-05-03"}],
        "quotes": [{**_at(t, "سنبني محطتين بحلول عام 2025"), "speaker_name": "Ayman Safadi"}],
        "events": [{"type": "COOPERATE", "source": ["JPN"], "target": ["JOR"]}],
    }


def test_fold_merges_spelling_variants() -> None:
    assert fold("الروسى  فى") == fold("الروسي في")
    assert fold("أحمد إبراهيم") == fold("احمد ابراهيم")
    assert fold("مُـحَمَّد") == fold("محمد")
    assert fold("Safadi") == "safadi"


def test_a_perfect_prediction_scores_one() -> None:
    ev = khabar.evaluate([_good_en(), _good_ar()], GOLD)
    for row in ("country", "person", "dates", "quotes", "events", "clusters"):
        assert ev[row]["f1"] == 1.0, (row, ev[row])
    assert ev["date_value"] == {"acc": 1.0, "ok": 3, "n": 3}
    assert ev["date_value_needs_cluster"]["acc"] == 1.0
    assert ev["quote_speaker"] == {"acc": 1.0, "ok": 2, "n": 2}
    assert ev["published"] == {"acc": 1.0, "ok": 1, "n": 1}
    assert ev["published_in_batch"]["ok"] == 2
    assert ev["offsets_valid"]["acc"] == 1.0
    assert ev.misses == ()
    assert ev.missing_documents == ()


def test_errors_are_counted_and_listed_as_misses() -> None:
    en = _good_en()
    en["entities"].append({"id": "EGY", "kind": "country", "name": "Egypt", "mentions": []})
    en["entities"].append({"id": "safadi-2", "kind": "person", "name": "Safadi", "mentions": []})  # split
    en["dates"][1]["value"] = "2022-05-10"  # wrong day
    en["dates"].pop(2)  # "2025" missed
    en["quotes"][0]["speaker"] = None
    en["events"] = [{"type": "ACCUSE", "source": ["JOR"], "target": ["JPN"]}]
    en["cluster"] = "c2"
    ev = khabar.evaluate([en], GOLD, texts={"en": TEXT_EN, "ar": TEXT_AR})
    assert ev["country"]["fp"] == 1
    assert ev["person"]["fp"] == 1 and ev["person"]["tp"] == 1
    assert (ev["dates"]["tp"], ev["dates"]["fn"]) == (2, 2)  # "2025" here, and the missing "ar"
    assert ev["date_value"] == {"acc": round(1 / 3, 3), "ok": 1, "n": 3}
    assert ev["quote_speaker"]["ok"] == 0
    assert (ev["events"]["tp"], ev["events"]["fp"], ev["events"]["fn"]) == (0, 1, 2)
    assert ev["clusters"]["fn"] == 1
    assert ev.missing_documents == ("ar",)
    found = {(m.doc, m.measure, m.problem) for m in ev.misses}
    assert ("en", "country", "spurious") in found
    assert ("en", "person", "split") in found
    assert ("en", "date_value", "wrong") in found
    assert ("en", "dates", "missed") in found
    assert ("en", "quote_speaker", "wrong") in found
    assert ("en", "events", "spurious") in found and ("en", "events", "missed") in found
    assert ("ar", "person", "missed") in found
    missed_person = next(m for m in ev.misses if m.doc == "ar" and m.measure == "person")
    assert "الصفدي" in str(missed_person)


def test_event_misses_say_which_part_was_wrong() -> None:
    en = _good_en()
    # the right parties with the wrong type, and the right type with an actor too many and one
    # lacking
    en["events"] = [
        {"type": "ACCUSE", "source": ["JOR"], "target": ["JPN"]},
        {"type": "AGREE", "source": ["JOR"], "target": ["EGY"]},
    ]
    ev = khabar.evaluate([en], GOLD, texts={"en": TEXT_EN, "ar": TEXT_AR})
    assert (ev["events"]["tp"], ev["events"]["fp"], ev["events"]["fn"]) == (0, 2, 2)
    spurious = {m.found: m.expected for m in ev.misses if m.doc == "en" and m.problem == "spurious"}
    assert spurious["ACCUSE {JOR, JPN}"] == "AGREE {JOR, JPN} (type ACCUSE, gold AGREE)"
    assert spurious["AGREE {EGY, JOR}"] == "AGREE {JOR, JPN} (target has EGY, not in the gold; lacks JPN)"
    missed = next(m for m in ev.misses if m.doc == "en" and m.measure == "events" and m.problem == "missed")
    assert missed.expected == "AGREE {JOR, JPN}"
    assert missed.found == "ACCUSE {JOR, JPN} (type ACCUSE, gold AGREE)"


def test_bad_offsets_are_caught() -> None:
    en = _good_en()
    en["entities"][0]["mentions"] = [{"start": 0, "end": 6, "text": "Jordan"}]  # text there is "Amman,"
    ev = khabar.evaluate([en], {"en": GOLD["en"]})
    assert ev["offsets_valid"]["n"] > ev["offsets_valid"]["ok"]
    assert any(m.measure == "offsets_valid" for m in ev.misses)


def test_scare_quotes_count_only_when_given_a_speaker() -> None:
    gold = {"x": {"entities": [], "not_quotes": ["the deal"], "quotes": []}}
    text = 'Officials praised "the deal" again.'
    q = {**_at(text, "the deal")}
    assert khabar.evaluate([{"id": "x", "text": text, "quotes": [q]}], gold)["quotes"]["fp"] == 0
    q["speaker_name"] = "Officials"
    assert khabar.evaluate([{"id": "x", "text": text, "quotes": [q]}], gold)["quotes"]["fp"] == 1


def test_documents_and_records_score_the_same() -> None:
    records = [_good_en(), _good_ar()]
    docs = [khabar.Document.from_dict(r, text=r["text"]) for r in records]
    assert khabar.evaluate(docs, GOLD).to_dict() == khabar.evaluate(records, GOLD).to_dict()
    assert isinstance(khabar.evaluate(docs, GOLD), Evaluation)


def test_cli_prints_figures_and_misses(tmp_path: Path) -> None:
    gold_dir, text_dir = tmp_path / "gold", tmp_path / "texts"
    gold_dir.mkdir()
    text_dir.mkdir()
    for name, text in (("en", TEXT_EN), ("ar", TEXT_AR)):
        (gold_dir / f"{name}.json").write_text(json.dumps(GOLD[name], ensure_ascii=False), encoding="utf-8")
        (text_dir / f"{name}.txt").write_text(text, encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    en = _good_en()
    en["dates"].pop(2)
    pred.write_text(json.dumps(en, ensure_ascii=False) + "\n", encoding="utf-8")
    run = [sys.executable, "-m", "khabar", "evaluate", "--gold", str(gold_dir), "--texts", str(text_dir)]
    proc = subprocess.run([*run, "--pred", str(pred)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "dates" in proc.stdout and "misses (" in proc.stdout
    assert "'2025' = 2025" in proc.stdout
    assert "missing_documents          ar" in proc.stdout
    proc = subprocess.run([*run, "--pred", str(pred), "--json"], capture_output=True, text=True, timeout=120)
    out = json.loads(proc.stdout)
    assert out["dates"]["fn"] >= 1 and out["misses"]
    # Without --pred the texts are extracted on the spot.
    proc = subprocess.run(run, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "missing_documents          none" in proc.stdout
    proc = subprocess.run([*run[:-1], str(tmp_path / "nowhere")], capture_output=True, text=True)
    assert proc.returncode == 1 and "texts folder not found" in proc.stderr


# ---------------------------------------------------------------- equality with the shared scorer


def _shared_scores(
    shared: Path, pred: Path, gold: Path | None = None, texts: Path | None = None
) -> dict[str, Any]:
    """The shared scorer's figures for ``pred`` (against the seeds' gold unless told otherwise)."""
    proc = subprocess.run(
        [
            sys.executable,
            str(shared / "tools" / "score.py"),
            "--gold",
            str(gold or shared / "gold" / "seeds"),
            "--texts",
            str(texts or shared / "corpus" / "seeds"),
            "--pred",
            str(pred),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def _ours(shared: Path, pred: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "khabar",
            "evaluate",
            "--gold",
            str(shared / "gold" / "seeds"),
            "--texts",
            str(shared / "corpus" / "seeds"),
            "--pred",
            str(pred),
            "--json",
            "--no-misses",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def _span(text: str, needle: str, rng: random.Random) -> dict[str, Any] | None:
    at = text.find(needle)
    if at < 0:
        return None
    start, end = at, at + len(needle)
    if rng.random() < 0.2:  # a piece of the expression only
        end = max(start + 1, end - rng.randint(0, max(0, len(needle) // 2)))
    if rng.random() < 0.05:  # a span off by a few characters, so offsets_valid can fail too
        return {"start": start, "end": end, "text": text[start + 1 : end + 1]}
    return {"start": start, "end": end, "text": text[start:end]}


def _prediction_from_gold(name: str, gold: dict[str, Any], text: str, rng: random.Random) -> dict[str, Any]:
    """A plausible prediction made by altering the gold at random: facts dropped, values changed,
    entities split, spurious items added."""
    keep = lambda p=0.75: rng.random() < p  # noqa: E731
    entities: list[dict[str, Any]] = []
    for i, g in enumerate(gold.get("entities", [])):
        if not keep():
            continue
        mentions = [m for s in g.get("surfaces", []) if keep() and (m := _span(text, s, rng))]
        eid = g.get("id") or f"e{i}"
        name_ = g.get("name") or (g.get("names") or [eid])[0]
        entities.append(
            {"id": eid, "kind": g["kind"], "name": name_ if keep() else "x", "mentions": mentions}
        )
        if rng.random() < 0.15:
            entities.append({"id": f"{eid}-bis", "kind": g["kind"], "name": name_, "mentions": mentions[:1]})
    if rng.random() < 0.5:
        entities.append({"id": "FRA", "kind": rng.choice(["country", "org", "person"]), "name": "France"})
    dates = []
    for d in gold.get("dates", []) + [{"surface": s, "value": None} for s in gold.get("dates_optional", [])]:
        if keep() and (sp := _span(text, d["surface"], rng)):
            value = d["value"] if keep(0.7) else rng.choice([None, "2020", "2021-01-01T10:00"])
            dates.append({**sp, "value": value})
    if rng.random() < 0.5:
        dates.append({"start": 0, "end": 3, "text": text[:3], "value": "2020"})
    quotes = []
    ids = [e["id"] for e in entities]
    for q in gold.get("quotes", []) + [{"starts": s} for s in gold.get("not_quotes", [])]:
        if keep() and (sp := _span(text, q["starts"], rng)):
            quote: dict[str, Any] = dict(sp)
            r = rng.random()
            if r < 0.3 and q.get("speaker"):
                quote["speaker_name"] = q["speaker"]
            elif r < 0.6 and ids:
                quote["speaker"] = rng.choice(ids)
            elif r < 0.7:
                quote["speaker_text"] = "someone"
            quotes.append(quote)
            if rng.random() < 0.2:
                quotes.append(dict(quote))
    events = []
    for e in gold.get("events", []):
        if keep():
            actors = list(rng.choice([e["actors"], *e.get("alt_actors", [])]))
            rng.shuffle(actors)
            kind = e["type"] if keep(0.8) else rng.choice(["ASSAULT", *e.get("alt_types", [e["type"]])])
            events.append({"type": kind, "source": actors[:1], "target": actors[1:]})
    body_lines = [
        ln for ln in text.splitlines() if not any(b in ln for b in gold.get("boilerplate", [])) or keep(0.3)
    ]
    return {
        "id": name,
        "title": gold.get("title") if keep(0.8) else "a headline",
        "published": rng.choice(
            [gold.get("published"), gold.get("published_in_cluster"), None, "2021-12-26T10:00"]
        ),
        "published_source": rng.choice([None, "text", "cluster", "metadata"]),
        "body": "\n".join(body_lines),
        "entities": entities,
        "dates": dates,
        "quotes": quotes,
        "events": events,
        "cluster": rng.choice([gold.get("cluster"), "A", "B", None]),
    }


@pytest.mark.shared
def test_equal_to_the_shared_scorer_on_altered_predictions(shared: Path, tmp_path: Path) -> None:
    gold_dir, text_dir = shared / "gold" / "seeds", shared / "corpus" / "seeds"
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))}
    texts = {name: (text_dir / f"{name}.txt").read_text(encoding="utf-8") for name in golds}
    rng = random.Random(20240501)
    for trial in range(12):
        names = [n for n in golds if trial % 6 or rng.random() < 0.8]  # sometimes a document is missing
        preds = [_prediction_from_gold(n, golds[n], texts[n], rng) for n in names]
        pred = tmp_path / f"pred{trial}.jsonl"
        pred.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
        assert _ours(shared, pred) == _shared_scores(shared, pred), f"trial {trial}"
        assert khabar.evaluate(preds, gold_dir, texts=text_dir).to_dict() == _shared_scores(shared, pred)


@pytest.mark.shared
def test_equal_to_the_shared_scorer_on_the_real_output(shared: Path, tmp_path: Path) -> None:
    pred = tmp_path / "seeds.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "khabar", "extract", str(shared / "corpus" / "seeds"), "--out", str(pred)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert _ours(shared, pred) == _shared_scores(shared, pred)


@pytest.mark.shared
def test_equal_to_the_shared_scorer_on_optional_countries_and_role_only_persons(
    shared: Path, tmp_path: Path
) -> None:
    # an article written for this test: a country named only in passing is optional in the gold,
    # and an official known only by role is listed by nobody
    text = (
        "Oman hosts talks between Iran and the United States\n\n"
        "MUSCAT - Omani Foreign Minister Badr Albusaidi hosted the talks on Saturday, and a Qatari "
        "envoy attended. The Iranian foreign minister thanked Oman.\n"
    )
    gold = {
        "doc": "t1",
        "lang": "en",
        "entities": [
            {"kind": "country", "id": "OMN", "surfaces": ["Oman", "Omani"]},
            {"kind": "country", "id": "IRN", "surfaces": ["Iran", "Iranian"]},
            {"kind": "country", "id": "USA", "surfaces": ["United States"]},
            {"kind": "country", "id": "QAT", "surfaces": ["Qatari"], "optional": True},
            {
                "kind": "person",
                "name": "Badr Albusaidi",
                "key": ["Albusaidi"],
                "surfaces": ["Badr Albusaidi"],
            },
        ],
    }
    (tmp_path / "gold").mkdir()
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold" / "t1.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "texts" / "t1.txt").write_text(text, encoding="utf-8")

    def person(ident: str, surface: str, **extra: Any) -> dict[str, Any]:
        start = text.index(surface)
        mention = {"start": start, "end": start + len(surface), "text": surface}
        return {"id": ident, "kind": "person", "name": surface, "mentions": [mention], **extra}

    def country(code: str) -> dict[str, Any]:
        return {"id": code, "kind": "country", "name": code, "mentions": []}

    role = person("role-fm-irn", "Iranian foreign minister", role_only=True, title="foreign minister")
    stray = person("person-muscat", "MUSCAT")
    variants = [
        [country("OMN"), country("IRN"), country("QAT"), person("p1", "Badr Albusaidi"), role],
        [country("OMN"), country("USA"), role, stray],
        [country("QAT"), person("p1", "Badr Albusaidi")],
    ]
    for k, entities in enumerate(variants):
        pred = tmp_path / f"pred{k}.jsonl"
        pred.write_text(json.dumps({"id": "t1", "entities": entities}) + "\n", encoding="utf-8")
        expected = _shared_scores(shared, pred, tmp_path / "gold", tmp_path / "texts")
        ours = khabar.evaluate([json.loads(pred.read_text())], tmp_path / "gold", texts=tmp_path / "texts")
        assert ours.to_dict() == expected, f"variant {k}"
    # the first variant: QAT is optional (no false positive), the role-only person is not counted
    first = khabar.evaluate(
        [{"id": "t1", "entities": variants[0]}], tmp_path / "gold", texts=tmp_path / "texts"
    ).to_dict()
    assert (first["country"]["fp"], first["country"]["fn"]) == (0, 1)
    assert (first["person"]["tp"], first["person"]["fp"]) == (1, 0)
