"""An input file as text: UTF-8, UTF-16 with a byte order mark, or --encoding."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from .model import TranscriptError

#: Transcripts are text of a few hundred kilobytes; anything this large is not one,
#: and reading it whole would only make the user wait.
MAX_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise TranscriptError("is a directory, not a transcript file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise TranscriptError(
                f"too large for a transcript ({size // (1024 * 1024)} MiB; "
                f"at most {MAX_BYTES // (1024 * 1024)} MiB)"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise TranscriptError("no such file") from None
    except PermissionError:
        raise TranscriptError("permission denied") from None
    except OSError as error:
        raise TranscriptError(f"cannot be read ({error.strerror or error})") from None


def decode(data: bytes, encoding: str | None = None) -> str:
    """The text of ``data``; a one-line error for empty, binary or undecodable input."""
    if not data.strip():
        raise TranscriptError("is empty")
    text = _decode_as(data, encoding) if encoding else _decode_default(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text or _mostly_control(text):
        raise TranscriptError("is binary data, not a text transcript")
    if not text.strip():
        raise TranscriptError("is empty")
    return text


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise TranscriptError(f'unknown encoding "{encoding}" (--encoding)') from None
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise TranscriptError(
            f"is not valid {encoding} (byte {error.start}); "
            "give the file's encoding with --encoding NAME"
        ) from None


def _decode_default(data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).removeprefix("\ufeff")
            except UnicodeDecodeError as error:
                raise TranscriptError(
                    f"is not valid {codec} after its byte order mark "
                    f"(byte {error.start}); give the encoding with --encoding NAME"
                ) from None
    if _looks_like_utf16(data):
        raise TranscriptError(
            "looks like UTF-16 without a byte order mark; "
            "give --encoding utf-16-le or --encoding utf-16-be"
        )
    if b"\x00" in data:
        raise TranscriptError("is binary data, not a text transcript")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TranscriptError(
            f"is not UTF-8 text (byte {error.start}); "
            "give its encoding with --encoding NAME (e.g. --encoding cp1252)"
        ) from None


def _looks_like_utf16(data: bytes) -> bool:
    """Latin text in UTF-16 has a NUL in every other byte, and only there."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    halves = sample[0::2], sample[1::2]
    zeros = [half.count(0) / len(half) for half in halves]
    return max(zeros) > 0.6 and min(zeros) < 0.02


def _mostly_control(text: str) -> bool:
    """Many control characters other than whitespace: binary data that decoded."""
    sample = text[:8192]
    control = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\f\v"
    )
    return control > max(8, len(sample) // 20)
