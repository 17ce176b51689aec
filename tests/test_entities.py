"""The entity stage from Python: knowledge-base rows added by the user, their checks, pickling."""

import pickle

import pytest

import khabar
from khabar.errors import InputError

ROWS = [
    {
        "id": "nilecorp",
        "kind": "org",
        "name": "Nile Petroleum Company",
        "aliases": "شركة النيل للبترول;NilePet",
        "country": "EGY",
    },
    {
        "id": "hazem-n",
        "kind": "person",
        "name": "Hazem Nour",
        "aliases": ["حازم نور"],
        "country": "EGY",
        "title": "chairman",
    },
]


def _entity(doc, kind, id_):
    return next((e for e in doc.to_dict()["entities"] if e["kind"] == kind and e["id"] == id_), None)


def test_user_rows_are_recognised_in_both_languages():
    ex = khabar.Extractor(entities=ROWS)
    [ar, en] = ex.extract(
        [
            "وقعت شركة النيل للبترول عقدا جديدا، بحسب حازم نور.",
            "NilePet signed a new contract, Hazem Nour said.",
        ]
    )
    for doc in (ar, en):
        assert _entity(doc, "org", "nilecorp") is not None
        person = _entity(doc, "person", "hazem-n")
        assert person is not None and person["country"] == "EGY"


def test_user_rows_pickle_with_the_extractor():
    ex = pickle.loads(pickle.dumps(khabar.Extractor(entities=ROWS)))
    [doc] = ex.extract(["NilePet signed a new contract."])
    assert _entity(doc, "org", "nilecorp") is not None
    assert ex.config["entities"][0]["aliases"] == ["شركة النيل للبترول", "NilePet"]


def test_user_rows_from_a_file(tmp_path):
    path = tmp_path / "kb.tsv"
    path.write_text(
        "id\tkind\tname\taliases\nnilecorp\torg\tNile Petroleum Company\tNilePet\n", encoding="utf-8"
    )
    [doc] = khabar.Extractor(entities=path).extract(["NilePet signed a new contract."])
    assert _entity(doc, "org", "nilecorp") is not None


def test_user_rows_from_a_dataframe():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        [
            {
                "id": "nilecorp",
                "kind": "org",
                "name": "Nile Petroleum Company",
                "aliases": "NilePet",
                "country": None,
                "title": None,
            }
        ]
    )
    [doc] = khabar.Extractor(entities=frame).extract(["NilePet signed a new contract."])
    assert _entity(doc, "org", "nilecorp") is not None


@pytest.mark.parametrize(
    "row, words",
    [
        ({"id": "x", "kind": "planet", "name": "X"}, ["row 1", "'kind'"]),
        ({"id": "x", "kind": "org"}, ["row 1", "'name'"]),
        ({"kind": "org", "name": "X"}, ["row 1", "'id'"]),
        ({"id": "x", "kind": "org", "name": "X", "colour": "red"}, ["row 1", "'colour'"]),
        ({"id": "x", "kind": "org", "name": "X", "aliases": 5}, ["row 1", "'aliases'"]),
    ],
)
def test_bad_rows_name_row_and_column(row, words):
    with pytest.raises(InputError) as err:
        khabar.Extractor(entities=[ROWS[0], row])
    for w in words:
        assert w in str(err.value)
