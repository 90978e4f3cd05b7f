"""Citations of an interview and of its questions and answers: the text a page
shows, and the BibTeX and CSL-JSON files reference managers import.

The text follows the pattern author-title styles give interviews (interviewee,
"interview by" the interviewer, title, date, the part cited and where it is),
with every piece translatable; the files carry the same facts as fields, so a
reference manager can format them in any style.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..locale import _
from ..values import parse_date
from .model import Block, Exchange, Interview

#: Characters BibTeX values must escape, and how.
_BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_SPECIAL = re.compile("|".join(re.escape(c) for c in _BIBTEX_ESCAPES))


def cite_block(
    interview: Interview,
    exchange: Exchange,
    index: int,
    block: Block,
    reference: str | None = None,
) -> str:
    """The citation of a question (``index`` 0) or of the ``index``-th answer;
    after ``reference`` (the interview as a CSL style gives it, with the
    block's URL) when a style is configured."""
    number = exchange["number"]
    if index == 0:
        part = _("question %d") % number
    else:
        label = str(number) if index == 1 else f"{number}.{index}"
        own = set(interview["interviewees"])
        if block["speakers"] and set(block["speakers"]) != own:
            part = _("answer %(number)s (%(speaker)s)") % {
                "number": label,
                "speaker": block["speaker"],
            }
        else:
            part = _("answer %s") % label
    parts = [part]
    if "timecode" in block:
        parts.append(_("at %s") % block["timecode"])
    if reference is not None:
        located = ", ".join(parts)
        return f"{reference} {located[:1].upper()}{located[1:]}."
    return ", ".join([*_work(interview), *parts, block["url"]]) + "."


def cite_interview(interview: Interview) -> str:
    """The citation of the whole interview."""
    return ", ".join([*_work(interview), interview["url"]]) + "."


def _work(interview: Interview) -> list[str]:
    """Who, with whom, what and when."""
    parts = []
    if interview["interviewee"] and interview["interviewer"]:
        parts.append(
            _("%(interviewee)s, interview by %(interviewer)s")
            % {
                "interviewee": interview["interviewee"],
                "interviewer": interview["interviewer"],
            }
        )
    elif interview["interviewee"]:
        parts.append(interview["interviewee"])
    elif interview["interviewer"]:
        parts.append(_("interview by %s") % interview["interviewer"])
    parts.append(_("“%s”") % interview["title"])
    if interview["date"]:
        parts.append(interview["date"])
    return parts


def csl_item(interview: Interview, *, project: str) -> dict[str, Any]:
    """The interview as a CSL-JSON item of type ``interview``."""
    item: dict[str, Any] = {
        "id": interview["id"],
        "type": "interview",
        "title": interview["title"],
        "URL": interview["url"],
    }
    if interview["interviewees"]:
        item["author"] = [{"literal": name} for name in interview["interviewees"]]
    if interview["interviewers"]:
        item["interviewer"] = [{"literal": name} for name in interview["interviewers"]]
    date = parse_date(interview["date"] or "")
    if date is not None:
        parts = (date.year, date.month, date.day)
        item["issued"] = {"date-parts": [[p for p in parts if p is not None]]}
    if interview["language"]:
        item["language"] = interview["language"]
    if project:
        item["container-title"] = project
    return item


def csl_json(interview: Interview, *, project: str) -> str:
    """The interview's CSL-JSON file: a list of one item."""
    item = csl_item(interview, project=project)
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def bibtex(interview: Interview, *, project: str) -> str:
    """The interview as a BibTeX ``@misc`` entry (BibTeX has no interview type;
    biblatex users read ``type``)."""
    fields: list[tuple[str, str]] = []
    if interview["interviewees"]:
        fields.append(
            ("author", " and ".join(map(_braced_name, interview["interviewees"])))
        )
    fields.append(("title", _escape(interview["title"])))
    if interview["interviewer"]:
        fields.append(
            ("howpublished", _escape(_("Interview by %s") % interview["interviewer"]))
        )
    fields.append(("type", _escape(_("Interview"))))
    if interview["date"]:
        fields.append(("date", _escape(interview["date"])))
        date = parse_date(interview["date"])
        if date is not None:
            fields.append(("year", str(date.year)))
    if project:
        fields.append(("organization", _escape(project)))
    if interview["language"]:
        fields.append(("language", _escape(interview["language"])))
    # Read verbatim by the url package; a URL holds no braces.
    fields.append(("url", interview["url"]))
    key = re.sub(r"[^\w:.-]+", "-", interview["id"], flags=re.ASCII) or "interview"
    lines = [f"@misc{{{key},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_ESCAPES[m.group()], text)


def _braced_name(name: str) -> str:
    """A name BibTeX can split into first and last names, unless it holds an
    "and" it would take for a separator between two names: that one braced."""
    if re.search(r"\band\b", name, flags=re.IGNORECASE):
        return "{" + _escape(name) + "}"
    return _escape(name)
