"""learn_furniture on a synthetic corpus: recurring furniture found, common news sentences and stamps not."""

from __future__ import annotations

from pathlib import Path

import pytest

import arnewsparse
from arnewsparse import Furniture, FurnitureLine, learn_furniture

PROMO = "حمّلوا تطبيق الجريدة على هواتفكم"
DISCLAIMER = "جميع الآراء الواردة تعبر عن أصحابها"
SENTENCE = "وأوضح المتحدث أن الأوضاع مستقرة في المنطقة."
BACKGROUND = "وتشهد البلاد أزمة اقتصادية منذ عام 2019."
STAMP = "الرياض - واس"


def _page(i: int, *, promo: bool = True) -> str:
    lines = [
        f"الوزير يفتتح مشروعا جديدا رقم {i}",
        STAMP,
        f"افتتح الوزير اليوم مشروعا جديدا للطرق في المنطقة رقم {i} بتكلفة كبيرة.",
        SENTENCE,
        BACKGROUND,
    ]
    if promo:
        lines += [PROMO, DISCLAIMER]
    return "\n\n".join(lines)


def _corpus() -> list[str]:
    pages = [_page(i, promo=i % 2 == 0) for i in range(40)]
    return pages + [pages[1]] * 30  # one article printed again and again is not furniture


def test_recurring_lines_are_learned() -> None:
    learned = learn_furniture(_corpus(), min_share=0.3)
    assert [line.text for line in learned.lines] == [PROMO, DISCLAIMER]
    assert learned.articles == 40  # the repeats count once
    assert all(line.articles == 20 for line in learned.lines)


def test_news_sentences_and_stamps_are_not() -> None:
    learned = learn_furniture(_corpus(), min_share=0.01)
    texts = {line.text for line in learned.lines}
    assert SENTENCE not in texts  # a report frame
    assert BACKGROUND not in texts  # opens with a conjunction, ends with a full stop
    assert STAMP not in texts  # a stamp recurs by design


def test_share_threshold() -> None:
    assert learn_furniture(_corpus(), min_share=0.6).lines == ()
    assert learn_furniture(_corpus()[:4], min_share=0.0, min_articles=3).lines == ()


def test_parse_uses_learned_furniture() -> None:
    # an unknown prompt between two paragraphs reads as a subheadline, until it is learned
    page = _page(3).replace(SENTENCE, "نسعد بزيارتكم الدائمة لموقعنا\n\n" + SENTENCE)
    learned = Furniture((FurnitureLine("نسعد بزيارتكم الدائمة لموقعنا", 9),), articles=50)
    before = arnewsparse.parse(page)
    after = arnewsparse.parse(page, furniture=learned)
    assert "نسعد بزيارتكم الدائمة لموقعنا" not in {b.text for b in before.boilerplate}
    assert "نسعد بزيارتكم الدائمة لموقعنا" not in {s.text for s in after.subheadlines}
    assert "نسعد بزيارتكم الدائمة لموقعنا" in {b.text for b in after.boilerplate}
    assert after.headline == before.headline and after.datelines == before.datelines


def test_contains_folds_spelling() -> None:
    learned = Furniture((FurnitureLine("إقرأ المزيد على موقعنا", 5),))
    assert "اقرأ المزيد  على موقعنا" in learned
    assert 3 not in learned
    assert len(learned) == 1


def test_save_and_load(tmp_path: Path) -> None:
    learned = learn_furniture(_corpus(), min_share=0.3)
    path = tmp_path / "furniture.json"
    learned.save(path)
    again = Furniture.load(path)
    assert again == learned
    assert Furniture.from_dict(learned.to_dict()) == learned
    assert PROMO in again


def test_load_rejects_other_json(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"lines": []}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a furniture file"):
        Furniture.load(path)
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(ValueError, match="not a furniture file"):
        Furniture.load(path)
