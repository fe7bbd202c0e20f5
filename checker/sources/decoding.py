"""Bytes to text: byte-order marks, strict UTF-8, then legacy encodings; binaries refused.

The order is deliberate. A byte-order mark is authoritative. Strict UTF-8 is next: it almost
never accepts text written in another encoding. A file that is UTF-8 except for a few bad
bytes is read with U+FFFD in their place (and says so). A file with no valid multi-byte UTF-8
sequence is legacy 8-bit text: a declared charset (HTML), then Windows-1252 (what browsers
use for Latin-1 too), then charset-normalizer's guess.
"""

from __future__ import annotations

import codecs

import charset_normalizer
import regex
from pydantic import BaseModel, ConfigDict

from checker.documents import Diagnostic
from checker.sources.base import Source, note, skip

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
LEGACY_FALLBACK = "cp1252"
MAX_JUNK_RATIO = 0.01  # control or unassigned characters tolerated in real text
UTF16_NUL_SHARE = 0.9  # of the characters of UTF-16 text without a BOM that are below U+0100
_VALID_MULTIBYTE = regex.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_JUNK = regex.compile(r"[[\p{Cc}\p{Cn}\p{Co}\p{Cs}]--[\t\n\r\f\v]]", regex.V1)


class Decoded(BaseModel):
    """Text read from bytes, the encoding used, and what was doubtful about it."""

    model_config = ConfigDict(frozen=True)

    text: str
    encoding: str
    note: str | None = None
    note_line: int | None = None


class DecodeError(ValueError):
    """Bytes that are not text: `code` is 'ingest.binary' or 'ingest.encoding'."""

    def __init__(self, code: str, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.line = code, message, line


def decode(raw: bytes, declared: str | None = None) -> Decoded:
    """Decode a file's bytes; raise DecodeError for a binary or undecodable file.

    `declared` is an encoding the file names itself (an HTML meta charset), tried after a
    byte-order mark and strict UTF-8.
    """
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return _with_bom(raw, encoding)
    try:
        utf8 = Decoded(text=raw.decode("utf-8"), encoding="utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        try:
            return _checked(utf8, binary=True)
        except DecodeError:
            if b"\x00" not in raw:
                raise
            return _without_bom_utf16(raw)
    if b"\x00" in raw:
        return _without_bom_utf16(raw)
    if _VALID_MULTIBYTE.search(raw):
        damaged = _damaged_utf8(raw, first_bad)
        if damaged is not None:
            return damaged
    return _legacy(raw, declared, first_bad)


def decode_source(
    source: Source, declared: str | None = None
) -> tuple[str | None, list[Diagnostic]]:
    """The text of a source, or None and the diagnostic saying why it has none."""
    try:
        decoded = decode(source.data, declared)
    except DecodeError as exc:
        return None, [skip(exc.code, source.name, exc.message, line=exc.line)]
    if not decoded.text.strip():
        return None, [skip("ingest.empty", source.name, "empty file (only white space)")]
    problems = []
    if decoded.note:
        code = "ingest.encoding" if decoded.encoding.startswith("utf") else "ingest.charset"
        problems.append(note(code, source.name, decoded.note, line=decoded.note_line))
    return decoded.text, problems


def _with_bom(raw: bytes, encoding: str) -> Decoded:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            "ingest.encoding",
            f"starts with a {encoding.upper()} byte-order mark but byte {exc.start} is not "
            f"{encoding.upper()}",
        ) from exc
    return _checked(Decoded(text=text.removeprefix("\ufeff"), encoding=encoding), binary=False)


def _without_bom_utf16(raw: bytes) -> Decoded:
    """NUL bytes: UTF-16 text without a byte-order mark, or else a binary file.

    Text in a Latin script written as UTF-16 has a NUL in (nearly) every other byte, all on
    one side: the high byte of each character. Anything else with NUL bytes is binary.
    """
    if len(raw) % 2 == 0:
        half = len(raw) // 2
        even, odd = raw[0::2].count(0), raw[1::2].count(0)
        for nuls, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
            if nuls >= UTF16_NUL_SHARE * half and others <= (1 - UTF16_NUL_SHARE) * nuls:
                try:
                    return _checked(
                        Decoded(text=raw.decode(encoding), encoding=encoding), binary=True
                    )
                except (UnicodeDecodeError, DecodeError):
                    break
    raise DecodeError("ingest.binary", "is a binary file (it contains NUL bytes), not text")


def _damaged_utf8(raw: bytes, first_bad: int) -> Decoded | None:
    """UTF-8 with a few bad bytes (None when there are too many: another encoding)."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.decode("utf-8", errors="ignore").count("\ufffd")
    if bad > MAX_JUNK_RATIO * len(text):
        return None
    line = raw.count(b"\n", 0, first_bad) + 1
    note = (
        f"invalid UTF-8 at line {line} (byte {first_bad}): {bad} undecodable "
        f"byte sequence{'s' if bad != 1 else ''} read as U+FFFD"
    )
    return _checked(Decoded(text=text, encoding="utf-8", note=note, note_line=line), binary=True)


def _legacy(raw: bytes, declared: str | None, first_bad: int) -> Decoded:
    candidates = [c for c in (_codec(declared), LEGACY_FALLBACK) if c]
    for encoding in dict.fromkeys(candidates):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _checked(
            Decoded(text=text, encoding=encoding, note=f"not UTF-8: read as {encoding}"),
            binary=True,
        )
    best = charset_normalizer.from_bytes(raw).best()
    if best is not None:
        return _checked(
            Decoded(
                text=str(best),
                encoding=best.encoding,
                note=f"not UTF-8: read as {best.encoding} (detected)",
            ),
            binary=True,
        )
    line = raw.count(b"\n", 0, first_bad) + 1
    raise DecodeError(
        "ingest.encoding",
        f"cannot be decoded: not UTF-8 (byte {first_bad}, line {line}) and no other encoding fits",
        line,
    )


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _checked(decoded: Decoded, *, binary: bool) -> Decoded:
    """Refuse text full of control or unassigned characters: binary data, or a wrong guess."""
    text = decoded.text
    if text:
        junk = len(_JUNK.findall(text))
        if junk > MAX_JUNK_RATIO * len(text):
            if binary:
                raise DecodeError(
                    "ingest.binary", "is a binary file (control characters), not text"
                )
            raise DecodeError(
                "ingest.encoding",
                f"is not readable as {decoded.encoding.upper()}: {junk} control or unassigned "
                "characters",
            )
    return decoded
