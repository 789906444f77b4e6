"""Bytes in: decode scraped Arabic text and parse it.

:func:`arnewsparse.parse` takes ``str`` only.  Scraped corpora arrive as bytes in
whatever encoding the site used, so this module decides how to decode them:

>>> decode_bytes("قال الوزير".encode("cp1256")).encoding
'cp1256'
>>> parsed = parse_bytes("\\ufeffقال الوزير إن الوضع مستقر.".encode("utf-8"))
>>> parsed.encoding, parsed.article.text[:3]
('utf-8-sig', 'قال')

The order of evidence, from conclusive to circumstantial:

1. a byte-order mark: UTF-8 (``EF BB BF``), UTF-32 (``FF FE 00 00`` /
   ``00 00 FE FF``, checked before UTF-16 because its little-endian mark begins
   with UTF-16's) and UTF-16 (``FF FE`` / ``FE FF``).  A mark is conclusive: if
   the rest does not decode, that is an error, not a reason to guess again;
2. strict UTF-8.  Text in a legacy single-byte code page almost never
   happens to be valid UTF-8 (two Arabic letters in a row in Windows-1256 are
   two lead bytes in a row), so a clean decode is trusted;
3. Windows-1256, the code page of older Arabic corpora.  It maps every byte
   to some character, so *any* input decodes; it is accepted only when the
   result reads as Arabic: at least half of its letters are Arabic letters,
   and it holds no NUL and almost no other control characters (which mark
   binary data or BOM-less UTF-16).

When nothing fits, :class:`UnicodeDecodeError` (a :class:`ValueError`) says
what was tried; pass ``encoding=`` to decide yourself.  Only the standard
library's codecs are used.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import re
from typing import Final, NamedTuple

import attrs

from arnewsparse.article import parse
from arnewsparse.model import Article

__all__ = ["DecodedText", "ParsedBytes", "decode_bytes", "parse_bytes"]

BytesLike = bytes | bytearray | memoryview

# BOMs in the order they must be tested: UTF-32 LE's mark starts with UTF-16 LE's.
_BOMS: Final[tuple[tuple[bytes, str, str], ...]] = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
_LEGACY: Final = "cp1256"

# "Mostly Arabic": at least this share of the letters are Arabic letters ...
ARABIC_SHARE: Final = 0.5
# ... and the other non-ASCII letters are rare beside them.  Cyrillic (cp1251) and Greek
# (cp1253) text also decodes to Arabic letters in cp1256, but interleaved with the
# accented Latin letters cp1256 keeps for French (à â ç è é ê ë î ï ô ù û ü).
FOREIGN_SHARE: Final = 0.1
# Control characters (other than tab, line ends, form feed) tolerated in a cp1256 text.
CONTROL_SHARE: Final = 0.01

# Counting by deletion keeps the test at C speed on megabyte inputs: the number of
# matches is the length lost by deleting them.
_LETTER: Final = re.compile(r"[^\W\d_]")
_ARABIC_LETTER: Final = re.compile(
    r"[\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff]"
)
_ASCII_LETTER: Final = re.compile(r"[A-Za-z]")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@attrs.frozen(slots=True)
class DecodedText:
    """Decoded text and the encoding it was decoded with.

    ``encoding`` is a Python codec name: ``utf-8``, ``utf-8-sig`` (UTF-8 after a
    BOM, which is dropped), ``utf-16-le``/``utf-16-be``/``utf-32-le``/``utf-32-be``
    (after their BOM, dropped), ``cp1256`` (Windows-1256), or the canonical
    name of the codec the caller asked for.
    """

    text: str
    encoding: str


class ParsedBytes(NamedTuple):
    """What :func:`parse_bytes` returns: the article and the encoding used.

    A named pair, so it unpacks: ``article, encoding = parse_bytes(data)``.
    The article's spans index :attr:`Article.text`, the decoded text.
    """

    article: Article
    encoding: str


def _check_bytes(data: object, caller: str) -> bytes:
    if isinstance(data, bytes):
        return data
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, str):
        raise TypeError(f"{caller}() takes bytes, not str: use arnewsparse.parse(text) for text")
    raise TypeError(f"{caller}() takes bytes, not {type(data).__name__}")


def _count(pattern: re.Pattern[str], text: str) -> int:
    return len(text) - len(pattern.sub("", text))


def looks_arabic(text: str) -> bool:
    """True when ``text`` reads as Arabic: mostly Arabic letters, hardly any control characters.

    At least half of the letters are Arabic, non-ASCII letters that are not
    Arabic are rare (under a tenth of the Arabic ones), and there is no NUL
    and at most 1% other control characters.

    >>> looks_arabic("قال الوزير"), looks_arabic("Café crème"), looks_arabic("")
    (True, False, False)
    """
    if "\x00" in text or _count(_CONTROL, text) > CONTROL_SHARE * len(text):
        return False
    arabic = _count(_ARABIC_LETTER, text)
    if arabic == 0:
        return False
    letters = _count(_LETTER, text)
    foreign = letters - arabic - _count(_ASCII_LETTER, text)
    return arabic >= ARABIC_SHARE * letters and foreign <= FOREIGN_SHARE * arabic


def _explicit(data: bytes, encoding: str, errors: str) -> DecodedText:
    name = codecs.lookup(encoding).name  # LookupError for an unknown codec
    # A BOM the caller's codec would keep as U+FEFF is dropped: it is not text.
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        return DecodedText(data[len(codecs.BOM_UTF8) :].decode("utf-8", errors), name)
    return DecodedText(data.decode(name, errors), name)


def decode_bytes(data: BytesLike, encoding: str | None = None, *, errors: str = "strict") -> DecodedText:
    """Decode scraped bytes: a BOM, else strict UTF-8, else Windows-1256 if it reads as Arabic.

    >>> decode_bytes(b"\\xff\\xfe'\\x06").text, decode_bytes(b"\\xff\\xfe'\\x06").encoding
    ('ا', 'utf-16-le')

    ``encoding`` skips the detection and decodes with that codec (a UTF-8 BOM
    is still dropped); ``errors`` is passed to it (``"replace"`` never fails)
    and applies only then: detection is always strict, since strictness is
    the evidence.

    Raises :class:`TypeError` for anything but bytes, bytearray or memoryview;
    :class:`UnicodeDecodeError` when no encoding fits; :class:`LookupError`
    for an unknown ``encoding``.
    """
    raw = _check_bytes(data, "decode_bytes")
    if encoding is not None:
        return _explicit(raw, encoding, errors)
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            if codec == "utf-32":
                # FF FE 00 00 may also open UTF-16 LE (its BOM, then U+0000): let UTF-16 try
                try:
                    return DecodedText(raw.decode(codec), name)
                except UnicodeDecodeError:
                    continue
            try:
                return DecodedText(raw.decode(codec), name)
            except UnicodeDecodeError as exc:  # a BOM is conclusive: say so, do not guess again
                raise UnicodeDecodeError(
                    exc.encoding,
                    exc.object,
                    exc.start,
                    exc.end,
                    f"{exc.reason} after a {name} byte-order mark",
                ) from None
    try:
        return DecodedText(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    text = raw.decode(_LEGACY)  # cp1256 maps all 256 bytes: this cannot fail
    if looks_arabic(text):
        return DecodedText(text, _LEGACY)
    raise UnicodeDecodeError(
        "utf-8",
        raw,
        utf8_error.start,
        utf8_error.end,
        f"{utf8_error.reason}; no byte-order mark (utf-8-sig, utf-16, utf-32) and not Windows-1256 Arabic "
        f"(under {ARABIC_SHARE:.0%} of its letters are Arabic, or it holds control characters). "
        "Tried utf-8, cp1256; pass encoding= to choose one",
    )


def parse_bytes(
    data: BytesLike,
    encoding: str | None = None,
    *,
    errors: str = "strict",
    published: _dt.date | None = None,
) -> ParsedBytes:
    """Decode ``data`` with :func:`decode_bytes` and :func:`arnewsparse.parse` the text.

    >>> article, encoding = parse_bytes("موسكو – سانا\\nأكد الوزير أن الحل سياسي.".encode("cp1256"))
    >>> encoding, article.dateline.location
    ('cp1256', 'موسكو')

    Raises what :func:`decode_bytes` raises; parsing itself never fails.
    """
    decoded = decode_bytes(data, encoding, errors=errors)
    return ParsedBytes(parse(decoded.text, published=published), decoded.encoding)
