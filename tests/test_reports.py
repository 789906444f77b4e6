"""find_reports: reporting words, their form, source and resolution."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnewsparse
from arnewsparse.model import ReportForm
from arnewsparse.normalize import Normalized
from arnewsparse.reports import find_reports

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
GOLD = Path(__file__).parents[1].parent / "shared" / "corpus" / "gold"

SEEDS = json.loads((FIXTURES / "seed_reports.json").read_text(encoding="utf-8"))
KNOWN = json.loads((FIXTURES / "reports_known_failures.json").read_text(encoding="utf-8"))
KNOWN_KEYS = {(k["file"], k["start"], k["what"]) for k in KNOWN}


def _norm(s: str | None) -> str | None:
    if s is None:
        return None
    s = " ".join(s.split()).strip(" :،,-–—_ـ")
    return s or None


def _same_source(gold: str | None, got: str | None) -> bool:
    if gold is None or got is None or gold == got:
        return gold == got
    short, long_ = sorted((gold, got), key=len)
    return f" {short} " in f" {long_} " and not f"{long_} ".startswith(f"{short} ")


def _one(text: str):  # type: ignore[no-untyped-def]
    reports = find_reports(text)
    assert len(reports) == 1, [r.token for r in reports]
    return reports[0]


# --- the seeds: every gold report, asserted ---------------------------------


def _seed_cases() -> list[tuple[str, dict[str, object]]]:
    return [(s["file"], g) for s in SEEDS for g in s["reports"]]


@pytest.mark.parametrize(("file", "gold"), _seed_cases(), ids=lambda x: x if isinstance(x, str) else None)
def test_seed_report(file: str, gold: dict[str, object]) -> None:
    text = (ARTICLES / file).read_text(encoding="utf-8")
    reports = arnewsparse.parse(text).reports
    start = int(gold["start"])  # type: ignore[call-overload]
    token = str(gold["token"])
    found = [r for r in reports if start <= r.verb.start < start + len(token)]
    if (file, start, "missed") in KNOWN_KEYS:
        assert not found, "a known failure now passes: remove it from reports_known_failures.json"
        return
    assert found, f"missed {token}@{start}"
    r = found[0]
    assert r.lemma.replace("أ", "ا") == str(gold["lemma"]).replace("أ", "ا")
    assert r.form.value == gold["form"]
    spk_ok = _norm(r.speaker.text if r.speaker else None) == _norm(gold["speaker"])  # type: ignore[arg-type]
    res_ok = _same_source(
        _norm(gold["speaker_resolved"]),  # type: ignore[arg-type]
        _norm(r.speaker_resolved.text if r.speaker_resolved else None),
    )
    for what, ok in (("speaker", spk_ok), ("speaker_resolved", res_ok)):
        if (file, start, what) in KNOWN_KEYS:
            assert not ok, f"{token}@{start} {what} now right: remove it from reports_known_failures.json"
        else:
            assert ok, f"{token}@{start}: wrong {what}"


def test_seeds_have_no_spurious_reports() -> None:
    for seed in SEEDS:
        text = (ARTICLES / seed["file"]).read_text(encoding="utf-8")
        gold = [(g["start"], g["start"] + len(g["token"])) for g in seed["reports"]]
        for r in arnewsparse.parse(text).reports:
            if (seed["file"], r.verb.start, "spurious") in KNOWN_KEYS:
                continue
            assert any(a <= r.verb.start < b for a, b in gold), (
                f"{seed['file']}: spurious {r.token}@{r.verb.start}"
            )


# --- unit cases -----------------------------------------------------------------


def test_verb_first_with_adjunct() -> None:
    r = _one("وقال وزير الخارجية سيرغي لافروف خلال مؤتمر صحفي اليوم إن الحوار مستمر.")
    assert r.lemma == "قال" and r.form is ReportForm.PERFECT
    assert r.speaker is not None and r.speaker.text == "وزير الخارجية سيرغي لافروف"
    assert r.content is not None and r.content.text.startswith("الحوار مستمر")


def test_subject_first_headline() -> None:
    text = "الكرملين: بوتين وأردوغان أكدا التزامهما بالاتفاقات"
    (r,) = find_reports(text, regions=[(0, len(text), True)])
    assert r.speaker is not None and r.speaker.text == "بوتين وأردوغان"
    assert r.in_headline


def test_dropped_subject_and_participle_resolve() -> None:
    text = "أعلنت وزارة الداخلية أن الحدود مغلقة. وأضافت أن العمل مستمر، مشيرة إلى أن الوضع هادئ."
    a, b, c = find_reports(text)
    assert a.speaker is not None and a.speaker.text == "وزارة الداخلية"
    assert b.speaker is None and b.speaker_resolved == a.speaker
    assert c.form is ReportForm.PARTICIPLE and c.speaker_resolved == a.speaker


def test_quotation() -> None:
    r = _one("وقال روحاني “إن وقف الأعمال القتالية خطوة مهمة”.")
    assert r.quote is not None and r.quote.text == "إن وقف الأعمال القتالية خطوة مهمة"


def test_quoted_name_and_verbal_noun() -> None:
    a, b = find_reports("ونقلت «سانا» عن البرلماني الروسي قوله للصحفيين: إن هذه العمليات مهمة.")
    assert a.lemma == "نقل" and a.speaker is not None and a.speaker.text == "«سانا»"
    assert b.form is ReportForm.VERBAL_NOUN
    assert b.speaker is not None and b.speaker.text == "البرلماني الروسي"


def test_impersonal_passive() -> None:
    r = _one("يذكر أن الاتفاق وقع العام الماضي.")
    assert r.form is ReportForm.PASSIVE and r.speaker is None and r.speaker_resolved is None


@pytest.mark.parametrize(
    "text",
    [
        "وتم توقيع الاتفاق بين البلدين في العاصمة.",  # بين "between"
        "وصل الوفد عبر مطار دمشق الدولي.",  # عبر "via"
        "وقرأ الطلاب كتب التاريخ في ذكرى الاستقلال.",  # كتب "books", ذكرى
        "وأضاف الطاهي الملح إلى الطبق.",  # no attributed content
        "وانتهى الاجتماع على حد قوله في المساء.",  # على حد قوله follows the statement
        "وقعت الانفجارات في مدينة حلب صباح اليوم.",  # مدينة "city", not أدان
        "وسجلت السلطات حالات مؤكدة بالمرض.",  # مؤكدة as an adjective
        "وكان المهاجم رجلا لم يكشف عن هويته.",  # withholding a name
        "وإدانة الهجوم واجبة على الجميع.",  # إدانة is a verbal noun, never the perfect
    ],
)
def test_not_reports(text: str) -> None:
    assert find_reports(text) == ()


def test_according_to_what_someone_said() -> None:
    (r,) = find_reports("قتل عشرة أشخاص، بحسب ما أفاد مسؤول محلي أمس.")
    assert r.lemma == "أفاد" and r.speaker is not None and r.speaker.text == "مسؤول محلي"
    (r,) = find_reports("لكن تركيا، كما يقول أورهان سالي، لن تتراجع.")
    assert r.speaker is not None and r.speaker.text.startswith("أورهان سالي")


def test_relative_who_as_source() -> None:
    (r,) = find_reports("وهناك من يرى أن الحل قريب.")
    assert r.speaker is not None and r.speaker.text == "من"


def test_feminine_participle_after_comma() -> None:
    a, b = find_reports("وقالت الوزارة إن الوضع هادئ، مشيرة إلى تحسن الأمن.")
    assert b.form is ReportForm.PARTICIPLE and b.speaker_resolved == a.speaker


def test_addressee_of_a_demand_is_no_source() -> None:
    text = "وقال يفيموف إن الحل سياسي.\nودعا الأطراف الخارجية إلى احترام السيادة."
    cut = text.index("\n")
    a, b = find_reports(text, regions=[(0, cut, False), (cut + 1, len(text), False)])
    assert b.lemma == "دعا" and b.speaker is None and b.speaker_resolved == a.speaker


def test_object_after_relative_adjective() -> None:
    (r,) = find_reports("وانتقد الإعلام السوري الرسمي التدخل الأخير بشدة.")
    assert r.speaker is not None and r.speaker.text == "الإعلام السوري الرسمي"


def test_passive_described_as() -> None:
    (r,) = find_reports("وحظر الموقع الحساب بسبب ما وصف بأنه ترويج للكراهية.")
    assert r.form is ReportForm.PASSIVE and r.speaker is None and r.speaker_resolved is None


def test_abbreviation_dots_do_not_end_the_sentence() -> None:
    (r,) = find_reports("وقال تلفزيون الصين المركزي (سي.سي.تي.في) إن رجلا حاول إشعال النار.")
    assert r.speaker is not None and r.speaker.text.startswith("تلفزيون الصين المركزي")


def test_first_person_inside_quotation_is_not_a_report() -> None:
    reports = find_reports("وقال الوزير: «أعتقد أن الحل قريب».")
    assert [r.lemma for r in reports] == ["قال"]


def test_regions_and_precomputed_normalized() -> None:
    text = "عنوان الخبر\nقال المتحدث إن الوضع مستقر.\nوأضاف أن الحوار مستمر."
    norm = Normalized(text)
    a, b = text.index("\n"), text.rindex("\n")
    regions = [(0, a, True), (a + 1, b, False), (b + 1, len(text), False)]
    reports = find_reports(text, regions=regions, normalized=norm)
    assert [r.token for r in reports] == ["قال", "وأضاف"]
    assert reports[1].speaker_resolved is not None and reports[1].speaker_resolved.text == "المتحدث"


def test_diacritics_and_offsets() -> None:
    text = "وأكّدَ الرئيسُ أنّ الحوارَ مستمرٌ."
    r = _one(text)
    assert r.verb.text == "وأكّدَ" and text[r.verb.start : r.verb.end] == r.verb.text


# --- properties -------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("قال أكد وأضاف أن إن : « » “ ” . ، \n ًّ مشيرا إلى بين الرئيس بوتين يذكر"))


@given(st.text(alphabet=_ALPHABET, max_size=200) | st.text(max_size=200))
def test_never_raises_and_spans_are_exact(text: str) -> None:
    for r in find_reports(text):
        for span in (r.verb, r.speaker, r.speaker_resolved, r.content, r.quote):
            if span is not None:
                assert text[span.start : span.end] == span.text


@given(st.text(alphabet=_ALPHABET, max_size=200), st.integers(0, 200), st.integers(0, 200))
def test_reports_lie_inside_their_region(text: str, a: int, b: int) -> None:
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    for r in find_reports(text, regions=[(a, b, False)]):
        assert a <= r.verb.start and r.verb.end <= b
        if r.speaker is not None:
            assert a <= r.speaker.start and r.speaker.end <= b


# --- the corpus (skipped without ../shared) -------------------------------------------


_FLOORS_FILE = Path(__file__).parent / "fixtures" / "gold_floors.json"
_FLOOR_GROUPS = json.loads(_FLOORS_FILE.read_text("utf-8"))["groups"]


@pytest.mark.corpus
@pytest.mark.skipif(not GOLD.exists(), reason="../shared/corpus/gold is absent")
@pytest.mark.parametrize("group", sorted(_FLOOR_GROUPS))
def test_gold_detection_floor(group: str) -> None:
    """Verb detection F1 on one group of gold files, counted here independently of evaluate.py,
    against that group's reports_f1 floor (tests/fixtures/gold_floors.json)."""
    spec = _FLOOR_GROUPS[group]
    paths = [GOLD / name for name in spec["files"]]
    if not all(p.is_file() for p in paths):
        pytest.skip(f"a gold file of {group} is absent")
    tp = fp = fn = 0
    for path in paths:
        for art in json.loads(path.read_text(encoding="utf-8")):
            gold = [(g["start"], g["start"] + len(g["token"])) for g in art["reports"]]
            got = [r.verb.start for r in arnewsparse.parse(art["raw"]).reports]
            hit = {i for s in got for i, (a, b) in enumerate(gold) if a <= s < b}
            tp += len(hit)
            fp += sum(1 for s in got if not any(a <= s < b for a, b in gold))
            fn += len(gold) - len(hit)
    p, r = tp / (tp + fp), tp / (tp + fn)
    assert 2 * p * r / (p + r) >= spec["floors"]["reports_f1"]


# --- rules added for the seeds' known failures (issue #4) -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ويسيطر التنظيم على المحافظة ما يؤكد وجود تأخير في التنفيذ.",
        "وهو ما يؤكد أن الحلول أجدى.",
        "ولقي القرار ترحيبا واسعا، ما جدد الآمال لدى السياسيين.",
    ],
)
def test_relative_ma_as_subject_is_not_a_report(text: str) -> None:
    assert find_reports(text) == ()


def test_relative_ma_as_object_still_reports() -> None:
    (r,) = find_reports("وهبطت الأسعار بعد ما قال متعاملون إنه ارتفاع المخزونات.")
    assert r.speaker is not None and r.speaker.text == "متعاملون"
    assert "قال" in [r.lemma for r in find_reports("ونشر الموقع ما قال إنها أول صور للهاتف.")]


def test_verb_inside_a_quotation_attributes_nothing_past_its_close() -> None:
    text = "وقال بيسكوف: “نعمل على تطبيق المبادرة التي أعلن عنها رئيسا روسيا والولايات المتحدة”."
    assert [r.lemma for r in find_reports(text)] == ["قال"]


def test_first_person_clause_inside_a_colon_quotation() -> None:
    text = "وقال ماورير: حوارنا مع الوزير أظهر أننا قلقون للغاية بشأن الوضع."
    assert [r.lemma for r in find_reports(text)] == ["قال"]
    # outside a quotation, a first-person clause is the speaker's, reported
    (r,) = find_reports("وأكد الوزير أننا سنواصل العمل.")
    assert r.speaker is not None and r.speaker.text == "الوزير"


def test_source_runs_to_the_head_of_a_statement_like_object() -> None:
    text = 'يقول أبو وائل: "بدأنا. وقد أنكر أبو محمد الجولاني القائد العام للجبهة وجود أبو جمال لديهم".'
    r = find_reports(text)[-1]
    assert r.lemma == "أنكر" and r.speaker is not None
    assert r.speaker.text == "أبو محمد الجولاني القائد العام للجبهة"


def test_coordinated_dual_verb_shares_the_subject_first_source() -> None:
    text = "بوتين وروحاني يبحثان وقف الأعمال القتالية في سورية ويؤكدان أهمية استمرار محاربة الإرهاب"
    (r,) = find_reports(text, regions=[(0, len(text), True)])
    assert r.lemma == "أكد" and r.speaker is not None and r.speaker.text == "بوتين وروحاني"
    # verb first, the dual pronoun names no one
    (r,) = find_reports("وبحث الرئيسان الوضع في سورية ويؤكدان أهمية الحل.")
    assert r.speaker is None


def test_with_inside_a_title_description_before_the_name() -> None:
    text = (
        "أكد الممثل الخاص لرئيس روسيا لتطوير العلاقات مع سورية ألكسندر يفيموف أن الحل سياسي"
        " مشددا على أن استعادة سورية لموقعها مسألة وقت."
    )
    a, b = find_reports(text)
    name = "الممثل الخاص لرئيس روسيا لتطوير العلاقات مع سورية ألكسندر يفيموف"
    assert a.speaker is not None and a.speaker.text == name
    assert b.form is ReportForm.PARTICIPLE and b.speaker_resolved == a.speaker
    # مع after a name, or with no name before the complementiser, still ends the source
    (r,) = find_reports("وقال بوتين مع بدء الاجتماع إن الحوار مستمر.")
    assert r.speaker is not None and r.speaker.text == "بوتين"


def test_verbal_noun_after_tamma_is_an_impersonal_report() -> None:
    (r,) = find_reports("وأوضح مصدر مطلع أنه “تم التأكيد على ضرورة تنفيذ الاتفاقات”.")[1:]
    assert r.lemma == "أكد" and r.form is ReportForm.VERBAL_NOUN
    assert r.speaker is None and r.speaker_resolved is None
    # the definite noun that names an act is still no report
    assert find_reports("وتم الإعلان عن الجهاز الجديد في باريس.") == ()
    assert find_reports("ولم يتم الكشف عن قيمة الاتفاق.") == ()


# --- referents in the verb's own sentence --------------------------------------


def test_coordinated_dual_shares_the_subject_of_its_sentence() -> None:
    # the subject of a non-reporting verb (تلقى) is the first of the two who "stressed"
    text = (
        "وفي وقت سابق اليوم تلقى السيد الرئيس بشار الأسد اتصالا هاتفيا من نظيره الروسي "
        "فلاديمير بوتين بحثا خلاله الأزمة وشددا على أهمية الحل السياسي."
    )
    (r,) = find_reports(text)
    assert r.speaker is None
    assert r.speaker_resolved is not None and r.speaker_resolved.text == "السيد الرئيس بشار الأسد"
    text = "وكان الرئيس بشار الأسد تلقى اتصالا من الرئيس بوتين بحثا خلاله الأزمة وشددا على أهمية الحل."
    (r,) = find_reports(text)
    assert r.speaker_resolved is not None and r.speaker_resolved.text == "الرئيس بشار الأسد"


def test_feminine_verb_refers_to_a_country_in_its_clause() -> None:
    text = (
        "وذكر بيسكوف أن الرئيس بوتين أعلن عن نية موسكو إجراء اتصالات مع دمشق "
        "وتأمل أن يفي الشركاء بالتزاماتهم."
    )
    reports = find_reports(text)
    assert [r.verb.text for r in reports] == ["وذكر", "أعلن", "وتأمل"]
    last = reports[-1]
    assert last.speaker_resolved is not None and last.speaker_resolved.text == "موسكو"  # not دمشق (after مع)


def test_feminine_verb_prefers_the_subject_to_the_object() -> None:
    text = "اتهمت باكستان الهند بانتهاك الهدنة في كشمير، وذكرت أن أربعة مدنيين قتلوا."
    second = find_reports(text)[-1]
    assert second.verb.text == "وذكرت"
    assert second.speaker_resolved is not None and second.speaker_resolved.text == "باكستان"
    text = "وقال المحللون إن الولايات المتحدة كانت تصر على الحوار، وأكدت أن الباب مفتوح."
    last = find_reports(text)[-1]
    assert last.speaker_resolved is not None and last.speaker_resolved.text == "الولايات المتحدة"


def test_feminine_source_in_the_sentence_wins_over_a_country() -> None:
    text = "قالت الوزيرة إن روسيا لن تتدخل، وأضافت أن الحوار مستمر."
    reports = find_reports(text)
    assert reports[-1].speaker_resolved == reports[0].speaker


def test_coordinated_possessive_verbal_noun_takes_the_nearest_person() -> None:
    text = (
        "واعتبر روحاني أن الاتفاق فيه ثغرات مشيرا إلى تقارير وزير الدفاع الروسي سيرغي شويغو "
        "حول التفاهمات واعتباره أن التفاهمات غير كافية."
    )
    reports = find_reports(text)
    assert [r.verb.text for r in reports] == ["واعتبر", "مشيرا", "واعتباره"]
    assert reports[1].speaker_resolved is not None and reports[1].speaker_resolved.text == "روحاني"
    assert reports[2].speaker_resolved is not None
    assert reports[2].speaker_resolved.text == "وزير الدفاع الروسي سيرغي شويغو"


def test_feminine_verb_takes_the_nearest_feminine_source_even_inside_a_report() -> None:
    # تعتبر is reported inside يذكر ان, yet its subject is the one وتقول goes on with
    text = (
        "وقال التلفزيون السوري الحكومي إن القوات دخلت المدينة.\n"
        "يذكر ان تركيا تعتبر الحزب منظمة ارهابية، وتقول إن الوحدات هي جناحه السوري."
    )
    last = find_reports(text)[-1]
    assert last.verb.text == "وتقول"
    assert last.speaker_resolved is not None and last.speaker_resolved.text == "تركيا"


# --- ب-phrases, names in ب and آل, and countries as sources ----------------------


def test_praise_with_a_glued_preposition_is_a_report() -> None:
    (r,) = find_reports("وأشاد منظم البطولة عبدالباري آل عبدالله بتعاون الشركاء.")
    assert r.lemma == "أشاد"
    assert r.speaker is not None and r.speaker.text == "منظم البطولة عبدالباري آل عبدالله"


def test_a_name_in_b_is_no_prepositional_phrase() -> None:
    (r,) = find_reports("رحب الرئيس الروسي فلاديمير بوتين الخميس بالجهود الأوروبية.")
    assert r.speaker is not None and r.speaker.text == "الرئيس الروسي فلاديمير بوتين"
    (r,) = find_reports("وصرح الناطق الإعلامي بشرطة منطقة جازان المقدم محمد الحربي بأن الحادث وقع ليلا.")
    assert r.speaker is not None and r.speaker.text == "الناطق الإعلامي بشرطة منطقة جازان المقدم محمد الحربي"


def test_the_club_is_no_call() -> None:
    # نادي "club" has the letters of نادى "called for" once ى is folded to ي
    assert find_reports("انتصر نادي الخالدي على نادي فيد بنتيجة عشرة أهداف.") == ()
    (r,) = find_reports("وينادي الخبراء بضرورة إصلاح النظام.")
    assert r.lemma == "نادى"


def test_a_country_as_source_stops_before_the_object() -> None:
    (r,) = find_reports("وتتهم بريطانيا روسيا بالوقوف وراء الهجوم.")
    assert r.speaker is not None and r.speaker.text == "بريطانيا"
    (r,) = find_reports("ووصفت بكين الإجراءات الأميركية بأنها تنمر تجاري.")
    assert r.speaker is not None and r.speaker.text == "بكين"
    # the country's own adjective and a relative clause stay in
    (r,) = find_reports("وقالت الولايات المتحدة الأمريكية إن المحادثات مستمرة.")
    assert r.speaker is not None and r.speaker.text == "الولايات المتحدة الأمريكية"
    (r,) = find_reports("ونفت روسيا التي تستضيف البطولة أن تكون قد تدخلت.")
    assert r.speaker is not None and r.speaker.text == "روسيا التي تستضيف البطولة"


def test_a_participle_in_the_first_person_reports_no_one() -> None:
    text = "وقال اللاعب: كنت متوقعا أن يتحلى الجمهور بالروح الرياضية."
    assert [r.verb.text for r in find_reports(text)] == ["وقال"]
    text = "وقال اللاعب إن المدرب كان متوقعا أن يتحلى الجمهور بالروح الرياضية."
    assert [r.verb.text for r in find_reports(text)] == ["وقال", "متوقعا"]  # the third person does


def test_a_source_named_again_becomes_the_topic() -> None:
    text = (
        "وقال الإذاعي أليكس جونس إنه سيطعن في القرار. وقال موقع تويتر إنه علق حسابه، "
        "وأضاف أنه لا يعلق عادة على الحسابات.\n"
        "ويستخدم جونس حسابات أخرى لنشر مقاطع الفيديو.\n"
        "وقال إن الديمقراطيين خططوا لحرب أهلية."
    )
    last = find_reports(text)[-1]
    assert last.speaker_resolved is not None and last.speaker_resolved.text == "جونس"
    # a name inside a quotation, or one after a noun (تأكيد كوهين), does not count
    text = 'وقال جونس إنه سيطعن في القرار. وأضاف تويتر "يستخدم جونس حساباته بلا قيود".\nوقال إن القرار نهائي.'
    last = find_reports(text)[-1]
    assert last.speaker_resolved is not None and last.speaker_resolved.text == "تويتر"


def test_a_description_keeps_its_from_phrase() -> None:
    (r,) = find_reports("ويقول أورهان سالي، الصحفي المقرب من الحكومة التركية، إن الاتفاق صامد.")
    assert r.speaker is not None and r.speaker.text == "أورهان سالي، الصحفي المقرب من الحكومة التركية"
    (r,) = find_reports("وقال مصدر بالجيش اليمني المدعوم من التحالف إن القوات تقدمت.")
    assert r.speaker is not None and r.speaker.text == "مصدر بالجيش اليمني المدعوم من التحالف"
    # من after the spokesman is no description
    (r,) = find_reports("وقال المتحدث من جهته إن القوات تقدمت.")
    assert r.speaker is not None and r.speaker.text == "المتحدث"


def test_a_noun_used_as_a_preposition_heads_the_phrase_after_it() -> None:
    text = "تشير مصادر الجزيرة المطلعة داخل البيت الوحداوي إلى وصول المفاوضات إلى طريق مسدود."
    (r,) = find_reports(text)
    assert r.speaker is not None and r.speaker.text == "مصادر الجزيرة المطلعة داخل البيت الوحداوي"


def test_a_pronoun_subject_leaves_the_source_to_resolution() -> None:
    text = "وقال الرئيس ترامب إن المحادثات جيدة، لكنه أوضح أن الاتفاق لم يكتمل."
    reports = find_reports(text)
    assert [r.verb.text for r in reports] == ["وقال", "أوضح"]
    assert reports[1].speaker is None  # not "لكنه"
    assert reports[1].speaker_resolved is not None and reports[1].speaker_resolved.text == "الرئيس ترامب"


def test_how_something_was_said_is_no_source() -> None:
    text = "وقال الوزير إن الوضع صعب. وأضاف بنغمة لا تخلو من التهكم: إن الأمور ستتحسن."
    reports = find_reports(text)
    assert reports[1].verb.text == "وأضاف" and reports[1].speaker is None
    assert reports[1].speaker_resolved is not None and reports[1].speaker_resolved.text == "الوزير"
