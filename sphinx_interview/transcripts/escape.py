"""Escaping that makes reST and MyST render a transcript's text exactly as written."""

from __future__ import annotations

import re
import string

# Characters that start inline markup anywhere in a line. In reST: emphasis,
# literals, interpreted text and roles (backquote), substitutions, references
# (``word_``). In MyST also links, raw HTML and autolinks, and what common MyST
# extensions add: dollar math, {{ substitutions }}, {attributes}, ~~strikes~~.
_RST_INLINE = re.compile(r"([\\*`|_])")
_MD_INLINE = re.compile(r"([\\*`_\[\]<${~])")
# "&copy;" would render as "©" in Markdown; a lone "&" is left alone.
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")

# A paragraph that starts like a list item, a field, a comment, a quote, a table
# or a section adornment is parsed as that block: its first character is escaped.
_ENUMERATOR = re.compile(r"\(?(?:\d+|[A-Za-z]|[ivxlcdmIVXLCDM]+|#)[.)](?:\s|$)")
_MD_ORDERED = re.compile(r"(\d{1,9})([.)])(?=\s|$)")
# Quotation marks start no block in either syntax; paragraphs often start with one.
_ASCII_PUNCTUATION = frozenset(string.punctuation) - {'"', "'"}
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"


def rst_inline(text: str) -> str:
    """Text for a reST paragraph, title or name option, shown as written."""
    return _RST_INLINE.sub(r"\\\1", text)


def rst_paragraph(text: str) -> str:
    escaped = rst_inline(text)
    first = text[:1]
    starts_block = bool(first) and not first.isalnum() and first not in _QUOTES
    if (starts_block or _ENUMERATOR.match(text)) and not escaped.startswith("\\"):
        escaped = "\\" + escaped
    # "text::" announces a literal block and is shown as "text:".
    if escaped.endswith("::"):
        escaped = escaped[:-1] + "\\:"
    # A line of one repeated character ("\\\\" for "\\") is a section
    # adornment; an escaped space, which renders as nothing, breaks it.
    if len(set(escaped)) == 1:
        escaped = "\\ " + escaped
    return escaped


def md_inline(text: str) -> str:
    """Text for a MyST paragraph, title or name option, shown as written."""
    return _MD_ENTITY.sub(r"\\&", _MD_INLINE.sub(r"\\\1", text))


def md_paragraph(text: str) -> str:
    escaped = md_inline(text)
    ordered = _MD_ORDERED.match(escaped)
    if ordered:
        return f"{ordered[1]}\\{ordered[2]}{escaped[ordered.end() :]}"
    # CommonMark escapes ASCII punctuation only; no other character starts a block.
    first = text[:1]
    if first in _ASCII_PUNCTUATION and not escaped.startswith("\\"):
        escaped = "\\" + escaped
    return escaped


def md_heading(text: str) -> str:
    # A trailing "#" would close an ATX heading; escape every one.
    return md_inline(text).replace("#", "\\#")


# A YAML plain scalar may not start with an indicator nor hold ": " or " #";
# MyST reads directive options as such scalars. Anything else is double-quoted.
_YAML_PLAIN = re.compile(r"[\w(][^#:]*(?::[^\s#][^#:]*)*")


def md_option_value(value: str) -> str:
    if _YAML_PLAIN.fullmatch(value) and not value.endswith(":"):
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
