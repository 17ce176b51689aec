"""Two documents built by hand, as the extractor should return them: one English, one Arabic.

They let the display, plot and evaluation tests run on complete, realistic records (every kind of
entity, dates, quotes with speakers, events, clutter lines) whatever the extraction stages find
today. The articles are written for these tests.
"""

from __future__ import annotations

from typing import Any

from khabar import Document

EN_TEXT = (
    "Cairo Daily | World | Politics\n"
    "Egypt and Russia agree to widen security cooperation\n"
    "Cairo, Sunday 12 March 2023 - Egyptian Foreign Minister Sameh Shoukry met his Russian "
    "counterpart Sergei Lavrov in Moscow on Sunday, the foreign ministry said.\n"
    'Shoukry told reporters: "We agreed to hold joint exercises next year and to keep our '
    'intelligence services in close contact."\n'
    'Lavrov added that Russia "will not accept" new sanctions on Egypt, and the two sides '
    "signed a memorandum on counter-terrorism with the United Nations.\n"
    "Leave a Comment\n"
)

AR_TEXT = (
    "الأكثر قراءة\n"
    "مصر وروسيا تتفقان على توسيع التعاون الأمني\n"
    "القاهرة - التقى وزير الخارجية سامح شكري نظيره الروسي سيرغي لافروف في موسكو يوم الأحد "
    "12 مارس 2023.\n"
    "وقال شكري: «اتفقنا على إجراء تدريبات مشتركة العام المقبل».\n"
    "ووقع الجانبان مذكرة تفاهم لمكافحة الإرهاب مع الأمم المتحدة.\n"
)


def at(text: str, needle: str, nth: int = 0) -> dict[str, Any]:
    """The span of the ``nth`` occurrence of ``needle`` in ``text``."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return {"start": i, "end": i + len(needle), "text": needle}


def line_of(text: str, needle: str) -> dict[str, int]:
    """The span of the whole line that holds ``needle`` (without its newline)."""
    i = text.index(needle)
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    return {"start": start, "end": end if end >= 0 else len(text)}


def _entity(eid: str, kind: str, name: str, mentions: list[dict[str, Any]], **more: Any) -> dict[str, Any]:
    return {"id": eid, "kind": kind, "name": name, "mentions": mentions, **more}


def english_record() -> dict[str, Any]:
    t = EN_TEXT
    s1 = line_of(t, "Cairo, Sunday")
    s3 = line_of(t, "Lavrov added")
    return {
        "id": "en-cairo-moscow",
        "lang": "en",
        "title": "Egypt and Russia agree to widen security cooperation",
        "published": "2023-03-12",
        "published_source": "text",
        "body": t,
        "boilerplate": [line_of(t, "Cairo Daily |"), line_of(t, "Leave a Comment")],
        "entities": [
            _entity("EGY", "country", "Egypt", [at(t, "Egypt"), at(t, "Egyptian"), at(t, "Egypt", 2)]),
            _entity("RUS", "country", "Russia", [at(t, "Russia"), at(t, "Russian"), at(t, "Russia", 2)]),
            _entity(
                "sameh-shoukry",
                "person",
                "Sameh Shoukry",
                [at(t, "Sameh Shoukry"), at(t, "Shoukry", 1)],
                title="foreign minister",
                country="EGY",
                key="shukri",
            ),
            _entity(
                "sergei-lavrov",
                "person",
                "Sergei Lavrov",
                [at(t, "Sergei Lavrov"), at(t, "Lavrov", 1)],
                title="foreign minister",
                country="RUS",
                key="lafrof",
            ),
            _entity("UN", "org", "United Nations", [at(t, "United Nations")]),
            _entity("moscow", "location", "Moscow", [at(t, "Moscow")], country="RUS"),
        ],
        "dates": [
            {**at(t, "Sunday 12 March 2023"), "value": "2023-03-12", "grain": "day"},
            {**at(t, "Sunday", 1), "value": "2023-03-12", "grain": "day"},
            {**at(t, "next year"), "value": "2024", "grain": "year"},
        ],
        "quotes": [
            {
                **at(
                    t,
                    "We agreed to hold joint exercises next year and to keep our intelligence services in "
                    "close contact.",
                ),
                "kind": "direct",
                "speaker": "sameh-shoukry",
                "speaker_name": "Sameh Shoukry",
                "speaker_text": "Shoukry",
                "cue": "told",
            },
            {
                **at(t, "will not accept"),
                "kind": "partial",
                "speaker": "sergei-lavrov",
                "speaker_name": "Sergei Lavrov",
                "speaker_text": "Lavrov",
                "cue": "added",
            },
        ],
        "events": [
            {
                **_event("CONSULT", ["EGY"], ["RUS"], s1, "met", cameo="040", date="2023-03-12"),
                "location": "moscow",
            },
            _event("AGREE", ["EGY"], ["RUS"], line_of(t, "Shoukry told"), "agreed", cameo="057", date="2024"),
            _event("REJECT", ["RUS"], ["EGY"], s3, "will not accept", cameo="120", mode="intended"),
            _event("AGREE", ["EGY", "RUS"], ["UN"], s3, "signed", cameo="057", context=["terrorism"]),
        ],
        "cluster": "c1",
        "source": "Cairo Daily",
        "url": "https://example.org/egypt-russia",
        "errors": [],
    }


def _event(
    kind: str,
    source: list[str],
    target: list[str],
    span: dict[str, int],
    trigger: str,
    **more: Any,
) -> dict[str, Any]:
    return {
        "type": kind,
        "source": source,
        "target": target,
        "start": span["start"],
        "end": span["end"],
        "trigger": trigger,
        "mode": more.pop("mode", "asserted"),
        **more,
    }


def arabic_record() -> dict[str, Any]:
    t = AR_TEXT
    return {
        "id": "ar-cairo-moscow",
        "lang": "ar",
        "title": "مصر وروسيا تتفقان على توسيع التعاون الأمني",
        "published": "2023-03-12",
        "published_source": "text",
        "body": t,
        "boilerplate": [line_of(t, "الأكثر قراءة")],
        "entities": [
            _entity("EGY", "country", "Egypt", [at(t, "مصر"), at(t, "القاهرة")]),
            _entity("RUS", "country", "Russia", [_clitic(t, "وروسيا"), at(t, "الروسي")]),
            _entity(
                "sameh-shoukry",
                "person",
                "Sameh Shoukry",
                [at(t, "سامح شكري"), at(t, "شكري", 1)],
                title="foreign minister",
                country="EGY",
                key="shukri",
            ),
            _entity(
                "sergei-lavrov",
                "person",
                "Sergei Lavrov",
                [at(t, "سيرغي لافروف")],
                title="foreign minister",
                country="RUS",
                key="lafrof",
            ),
            _entity("UN", "org", "United Nations", [at(t, "الأمم المتحدة")]),
            _entity("moscow", "location", "Moscow", [at(t, "موسكو")], country="RUS"),
        ],
        "dates": [
            {**at(t, "يوم الأحد 12 مارس 2023"), "value": "2023-03-12", "grain": "day"},
            {**at(t, "العام المقبل"), "value": "2024", "grain": "year"},
        ],
        "quotes": [
            {
                **at(t, "اتفقنا على إجراء تدريبات مشتركة العام المقبل"),
                "kind": "direct",
                "speaker": "sameh-shoukry",
                "speaker_name": "Sameh Shoukry",
                "speaker_text": "شكري",
                "cue": "قال",
            }
        ],
        "events": [
            _event("CONSULT", ["EGY"], ["RUS"], line_of(t, "التقى"), "التقى", cameo="040", date="2023-03-12"),
            _event("AGREE", ["EGY", "RUS"], ["UN"], line_of(t, "ووقع"), "ووقع", cameo="057"),
        ],
        "cluster": "c1",
        "errors": [],
    }


def _clitic(text: str, word: str) -> dict[str, Any]:
    """A country written with an attached conjunction (وروسيا): the mention leaves out the و."""
    span = at(text, word)
    return {"start": span["start"] + 1, "end": span["end"], "text": word[1:]}


def english_doc() -> Document:
    return Document.from_dict(english_record(), text=EN_TEXT)


def arabic_doc() -> Document:
    return Document.from_dict(arabic_record(), text=AR_TEXT)


def all_mentions(doc: Document) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, e.kind) for e in doc.entities for m in e.mentions]
