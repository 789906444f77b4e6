"""The agency table and the look-up of written credits."""

from __future__ import annotations

import pytest

from arnewsparse.agencies import ANNOTATION_IDS, agency_key, all_agencies, lookup_agency


def test_table_size_and_unique_ids() -> None:
    agencies = all_agencies()
    assert len(agencies) >= 60
    ids = [a.id for a in agencies]
    assert len(ids) == len(set(ids))
    for a in agencies:
        assert a.names and a.name_en and a.kind in ("national", "wire", "outlet", "generic")


def test_every_annotation_id_is_in_the_table() -> None:
    assert {a.id for a in all_agencies()} >= ANNOTATION_IDS


ARAB_STATE_AGENCIES = {
    "SA": "SPA", "AE": "WAM", "QA": "QNA", "KW": "KUNA", "BH": "BNA", "OM": "ONA", "JO": "Petra",
    "SY": "SANA", "EG": "MENA", "TN": "TAP", "DZ": "APS", "MA": "MAP", "IQ": "INA", "LB": "NNA",
    "PS": "WAFA", "YE": "Saba", "SD": "SUNA", "LY": "LANA", "MR": "AMI", "SO": "SONNA", "DJ": "ADI",
    "KM": "HZK",
}  # fmt: skip


def test_national_agency_of_every_arab_state() -> None:
    by_id = {a.id: a for a in all_agencies()}
    for country, agency_id in ARAB_STATE_AGENCIES.items():
        assert by_id[agency_id].country == country
        assert by_id[agency_id].kind == "national"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("سانا", "SANA"),
        ("واس", "SPA"),
        ("وام", "WAM"),
        ("قنا", "QNA"),
        ("كونا", "KUNA"),
        ("بترا", "Petra"),
        ("أ ش أ", "MENA"),
        ("أ.ش.أ", "MENA"),
        ("أ ف ب", "AFP"),
        ("ا ف ب", "AFP"),
        ("(أ.ف.ب)", "AFP"),
        ("فرانس برس", "AFP"),
        ("الفرنسية", "AFP"),
        ("رويترز", "Reuters"),
        ("أ ب", "AP"),
        ("أسوشيتد برس", "AP"),
        ("د ب أ", "dpa"),
        ("(د. ب. أ)", "dpa"),
        ("الألمانية", "dpa"),
        ("شينخوا", "Xinhua"),
        ("الأناضول", "Anadolu"),
        ("إرنا", "IRNA"),
        ("ارنا", "IRNA"),
        ("وات", "TAP"),
        ("واج", "APS"),
        ("لاماب", "MAP"),
        ("ومع", "MAP"),
        ("بنا", "BNA"),
        ("العمانية", "ONA"),
        ("سبوتنيك", "Sputnik"),
        ("روسيا اليوم", "RT"),
        ("آر تي", "RT"),
        ("(CNN)", "CNN"),
        ("سي إن إن", "CNN"),
        ("سكاي نيوز عربية", "SkyNewsArabia"),
        ("بي بي سي", "BBC"),
        ("العربية", "AlArabiya"),
        ("العربية.نت", "AlArabiya"),
        ("العربية نت", "AlArabiya"),
        ("الجزيرة نت", "AlJazeera"),
        ("قناة الجزيرة", "AlJazeera"),
        ("فرانس 24", "France24"),
        ("يو بي آي", "UPI"),
        ("يونايتد برس", "UPI"),
        ("وكالات", "Agencies"),
        ("الوكالات", "Agencies"),
        ("«الاقتصادية»", "AlEqtisadiah"),
        ('"سبق"', "Sabq"),
        ("«الشرق الأوسط»", "AlSharqAlAwsat"),
    ],
)
def test_lookup(written: str, expected: str) -> None:
    agency = lookup_agency(written)
    assert agency is not None, written
    assert agency.id == expected


@pytest.mark.parametrize("written", ["آب", "أب", "موسكو", "", "  ", "محمد الدويش", "الكرملين"])
def test_not_an_agency(written: str) -> None:
    assert lookup_agency(written) is None


def test_outlets_outside_the_annotation_table_are_credited_by_name() -> None:
    sabq = lookup_agency("سبق")
    spa = lookup_agency("واس")
    wafa = lookup_agency("وفا")
    assert sabq is not None and not sabq.credited_as_id and not sabq.is_wire
    assert spa is not None and spa.credited_as_id and spa.is_wire
    assert wafa is not None and wafa.credited_as_id  # a national agency keeps its id


def test_key_ignores_dots_spaces_brackets() -> None:
    assert agency_key("أ.ف.ب") == agency_key("(ا ف ب)") == agency_key("«أ ف ب»")
    assert agency_key("Reuters") == "reuters"
