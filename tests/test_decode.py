"""decode_bytes / parse_bytes: BOMs, strict UTF-8, Windows-1256 when it reads as Arabic, clear errors."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnewsparse.decode import DecodedText, ParsedBytes, decode_bytes, looks_arabic, parse_bytes

from conftest import seed_paths
from partcheck import check_article

ARABIC = "موسكو – سانا\nأكد الرئيس الروسي فلاديمير بوتين أن الحل في سوريا سياسي، وقال: «لا بديل عن الحوار»."
LATIN = "Le président a déclaré à la presse qu'il était très satisfait du résultat."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (ARABIC.encode("utf-8"), ARABIC, "utf-8"),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), ARABIC, "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"), ARABIC, "utf-16-le"),
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), ARABIC, "utf-16-be"),
        (codecs.BOM_UTF32_LE + ARABIC.encode("utf-32-le"), ARABIC, "utf-32-le"),
        (codecs.BOM_UTF32_BE + ARABIC.encode("utf-32-be"), ARABIC, "utf-32-be"),
        (ARABIC.encode("cp1256"), ARABIC, "cp1256"),
        (b"", "", "utf-8"),
        (b"plain ASCII", "plain ASCII", "utf-8"),
        (LATIN.encode("utf-8"), LATIN, "utf-8"),
        (codecs.BOM_UTF8, "", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "", "utf-16-le"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf32le-bom",
        "utf32be-bom",
        "cp1256",
        "empty",
        "ascii",
        "latin-utf8",
        "utf8-bom-only",
        "utf16-bom-only",
    ],
)
def test_detects_encoding(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == DecodedText(text, encoding)


def test_bom_is_dropped_but_inner_zwnbsp_is_kept() -> None:
    data = codecs.BOM_UTF8 + "قال\ufeffالوزير".encode()
    assert decode_bytes(data).text == "قال\ufeffالوزير"


def test_utf16le_bom_then_nul_is_not_utf32() -> None:
    # FF FE 00 00 opens both UTF-32 LE and (UTF-16 LE BOM + U+0000); 6 bytes cannot be UTF-32
    data = codecs.BOM_UTF16_LE + "\x00ق".encode("utf-16-le")
    assert decode_bytes(data) == DecodedText("\x00ق", "utf-16-le")


def test_cp1256_with_persian_letters_and_punctuation() -> None:
    text = "گفت: «پیام» ، چرا؟ ؛ قال الوزير – ٢٠١٩"
    encodable = text.encode("cp1256", errors="ignore").decode("cp1256")
    assert decode_bytes(encodable.encode("cp1256")) == DecodedText(encodable, "cp1256")


def test_cp1256_with_some_latin_still_arabic() -> None:
    text = "قال المتحدث باسم شركة Apple إن iPhone الجديد سيطرح في الأسواق العربية قريبا."
    assert decode_bytes(text.encode("cp1256")).encoding == "cp1256"


@pytest.mark.parametrize(
    "data",
    [
        LATIN.encode("latin-1"),  # Latin-1 French: decodes in cp1256 to Latin letters
        LATIN.encode("cp1252"),
        "Привет, мир".encode("cp1251"),  # Cyrillic code page: not Arabic
        bytes(range(256)),  # binary: control characters
        ARABIC.encode("utf-16-le"),  # UTF-16 without a BOM: NUL bytes
        b"\x80",  # one stray byte (€ in cp1256: no Arabic letter)
        b"abc\x80def",
    ],
    ids=["latin1", "cp1252", "cp1251", "binary", "utf16-no-bom", "lone-80", "stray-80"],
)
def test_undecidable_input_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(UnicodeDecodeError, match=r"utf-8.*cp1256.*encoding="):
        decode_bytes(data)
    with pytest.raises(ValueError, match="cp1256"):  # UnicodeDecodeError is a ValueError
        parse_bytes(data)


def test_broken_utf8_after_bom_is_an_error_not_a_guess() -> None:
    with pytest.raises(UnicodeDecodeError):
        decode_bytes(codecs.BOM_UTF8 + "قال".encode("cp1256"))


def test_truncated_utf16_is_an_error() -> None:
    with pytest.raises(UnicodeDecodeError):
        decode_bytes(codecs.BOM_UTF16_LE + "قال".encode("utf-16-le")[:-1])


def test_encoded_lone_surrogate_is_not_utf8() -> None:
    # CESU-style surrogates are invalid UTF-8; cp1256 reads them as Latin-ish junk: an error
    with pytest.raises(UnicodeDecodeError):
        decode_bytes(b"\xed\xa0\x80abc")


def test_explicit_encoding() -> None:
    assert decode_bytes(ARABIC.encode("cp1256"), "windows-1256") == DecodedText(ARABIC, "cp1256")
    assert decode_bytes(LATIN.encode("latin-1"), "latin-1") == DecodedText(LATIN, "iso8859-1")
    # a UTF-8 BOM is dropped even when the caller says plain UTF-8
    assert decode_bytes(codecs.BOM_UTF8 + b"x", "utf8") == DecodedText("x", "utf-8")
    assert decode_bytes(b"\xffok", "utf-8", errors="replace").text == "\ufffdok"
    with pytest.raises(UnicodeDecodeError):
        decode_bytes(b"\xffok", "utf-8")
    with pytest.raises(LookupError):
        decode_bytes(b"x", "no-such-codec")


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview])
def test_bytes_like_inputs(kind: type) -> None:
    data = kind(ARABIC.encode("cp1256"))
    assert decode_bytes(data).text == ARABIC


@pytest.mark.parametrize(("bad", "name"), [("نص", "str"), (None, "NoneType"), (3, "int"), ([b"x"], "list")])
def test_non_bytes_is_a_type_error(bad: object, name: str) -> None:
    with pytest.raises(TypeError, match=name):
        decode_bytes(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=name):
        parse_bytes(bad)  # type: ignore[arg-type]


def test_str_type_error_points_to_parse() -> None:
    with pytest.raises(TypeError, match=r"arnewsparse\.parse\(text\)"):
        parse_bytes("نص")  # type: ignore[arg-type]


def test_parse_bytes_returns_article_and_encoding() -> None:
    result = parse_bytes(ARABIC.encode("cp1256"))
    assert isinstance(result, ParsedBytes)
    article, encoding = result
    assert encoding == "cp1256"
    assert article.text == ARABIC
    assert article.dateline is not None and article.dateline.location == "موسكو"
    check_article(article)


def test_parse_bytes_passes_published() -> None:
    import datetime as dt

    article, _ = parse_bytes(
        "الرياض - الخميس\nقال الوزير أمس إن الوضع مستقر.".encode(), published=dt.date(2020, 1, 3)
    )
    assert article.text.startswith("الرياض")


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "cp1256"])
def test_seed_articles_round_trip_in_every_encoding(codec: str) -> None:
    for path in seed_paths():
        text = path.read_text(encoding="utf-8")
        if codec == "cp1256":
            # keep what the code page can hold (it lacks emoji, some Persian letters, curly marks ...)
            text = text.encode(codec, errors="ignore").decode(codec)
        decoded = decode_bytes(text.encode(codec))
        assert decoded.text == text
        assert decoded.encoding in {"utf-8": ("utf-8",), "utf-8-sig": ("utf-8-sig",)}.get(
            codec, ("utf-16-le", "utf-16-be") if codec == "utf-16" else (codec,)
        )


def test_looks_arabic() -> None:
    assert looks_arabic("قال")
    assert not looks_arabic("")
    assert not looks_arabic("123 ... !!!")
    assert not looks_arabic("قال\x00")
    assert looks_arabic("قال OK")  # half the letters
    assert not looks_arabic("ق Hello")


@given(st.text(alphabet=st.characters(codec="cp1256"), max_size=200))
def test_any_cp1256_arabic_text_round_trips(text: str) -> None:
    data = text.encode("cp1256")
    try:
        decoded = decode_bytes(data)
    except UnicodeDecodeError:
        assert not looks_arabic(text)  # refused only when it does not read as Arabic
        return
    # either it was valid UTF-8 (then strict UTF-8 wins) or it is the cp1256 text
    assert decoded.text == text or decoded.encoding == "utf-8"


@given(st.binary(max_size=300))
def test_any_bytes_decode_or_raise_unicode_error(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except UnicodeDecodeError:
        return
    check_article(parse_bytes(data, decoded.encoding).article)


@given(st.text(max_size=200))
def test_any_text_round_trips_through_utf8_and_boms(text: str) -> None:
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return  # lone surrogates have no UTF-8 form
    assert decode_bytes(data).text == text
    assert decode_bytes(codecs.BOM_UTF8 + data).text == text
    assert decode_bytes(codecs.BOM_UTF16_BE + text.encode("utf-16-be")).text == text
