"""Places from the GeoNames table: their id and coordinates in the records and the model."""

import json
from typing import Any

import pytest

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


def test_a_users_place_carries_the_coordinates_of_its_row() -> None:
    pytest.importorskip("pandas")
    camps = [
        {
            "id": "zaatari-camp",
            "kind": "location",
            "name": "Zaatari refugee camp",
            "aliases": "مخيم الزعتري للاجئين",
            "country": "JOR",
            "lat": "32.29",  # as a CSV cell gives it
            "lon": 36.32,
        },
        # a built-in place's id: the row's coordinates and GeoNames id come before GeoNames'
        {"id": "BASRA", "kind": "location", "name": "Basra", "lat": 30.5, "lon": 47.8, "geonames": 99532},
    ]
    ex = khabar.Extractor(entities=camps)
    en, ar = ex.extract(
        [
            "Aid workers reached the Zaatari refugee camp on Monday before driving on to Basra.",
            "وصل عمال الإغاثة إلى مخيم الزعتري للاجئين يوم الاثنين.",
        ]
    )
    for doc in (en, ar):
        camp = next(e for e in doc.entities if e.id == "zaatari-camp")
        assert (camp.kind, camp.lat, camp.lon, camp.geonames) == ("location", 32.29, 36.32, None)
    basra = next(e for e in en.entities if e.id == "BASRA")
    assert (basra.lat, basra.lon, basra.geonames) == (30.5, 47.8, 99532)
    rows = khabar.to_frames([en])["entities"].set_index("entity_id")
    assert rows.loc["zaatari-camp", "lat"] == 32.29 and rows.loc["BASRA", "geonames"] == 99532


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"kind": "person", "lat": 1.0, "lon": 2.0}, "for rows of kind location"),
        ({"lat": 91.0, "lon": 2.0}, "within -90..90"),
        ({"lat": 10.0, "lon": -181}, "within -180..180"),
        ({"lat": 10.0}, "give both or neither"),
        ({"lat": "north", "lon": 2.0}, "not a number"),
        ({"geonames": 1.5}, "not a GeoNames id"),
        ({"geonames": -3}, "not a GeoNames id"),
    ],
)
def test_place_columns_that_cannot_be_a_place_are_refused_by_row(row: dict[str, Any], message: str) -> None:
    base = {"id": "x", "kind": "location", "name": "Some Place"}
    with pytest.raises(khabar.InputError, match=message) as e:
        khabar.Extractor(entities=[base, {**base, "id": "y", **row}])
    assert "row 1" in str(e.value)
