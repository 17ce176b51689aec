"""Places from the GeoNames table: their id and coordinates in the records and the model."""

import json

import khabar


def _place(doc: khabar.Document, name: str) -> khabar.Entity:
    return next(e for e in doc.entities if e.kind == "location" and e.name == name)


def test_a_town_carries_its_geonames_id_and_coordinates() -> None:
    doc = khabar.extract(["Shelling hit the town of Saraqib overnight, residents said."])[0]
    town = _place(doc, "Saraqib")
    assert town.geonames is not None and town.country == "SYR"
    assert town.lat is not None and 35 < town.lat < 37
    assert town.lon is not None and 36 < town.lon < 38
    record = json.loads(doc.to_json())
    ent = next(e for e in record["entities"] if e["name"] == "Saraqib")
    assert ent["geonames"] == town.geonames
    assert khabar.Document.from_dict(record).to_dict() == doc.to_dict()


def test_other_entities_have_no_coordinates() -> None:
    doc = khabar.extract(["قال وزير الخارجية السعودي إن المحادثات ستستمر في مدينة حلب."])[0]
    assert _place(doc, "Aleppo").geonames is not None
    for e in doc.entities:
        if e.kind != "location":
            assert e.geonames is None and e.lat is None and e.lon is None
