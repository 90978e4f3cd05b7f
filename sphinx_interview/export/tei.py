"""An interview as a TEI P5 document: the metadata in the ``teiHeader``, the
speakers as persons with their role in ``particDesc``, each question and
answer an utterance ``<u who="#…">``, and a ``timeline`` when it is timed
(TEI Guidelines, chapter 8, "Transcriptions of Speech")."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..values import media_type
from .model import Block, Interview, all_topics

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
ET.register_namespace("", TEI_NS)

_NOT_NAME = re.compile(r"[^\w.-]+")


def _tag(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def _sub(parent: ET.Element, name: str, text: str = "", **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, _tag(name), {_attr(k): v for k, v in attrs.items()})
    if text:
        element.text = text
    return element


def _attr(name: str) -> str:
    # ``xml_id`` and ``xml_lang`` stand for the attributes of the XML namespace.
    if name.startswith("xml_"):
        return f"{{{XML_NS}}}{name[4:]}"
    return name.rstrip("_")


class People:
    """Every speaker of the interview, with an ``xml:id`` and a role."""

    def __init__(self, interview: Interview) -> None:
        self.ids: dict[str, str] = {}
        self.roles: dict[str, str] = {}
        for name in interview["interviewers"]:
            self._add(name, "interviewer")
        for name in interview["interviewees"]:
            self._add(name, "interviewee")
        for exchange in interview["exchanges"]:
            for block in (exchange["question"], *exchange["answers"]):
                for name in block["speakers"]:
                    self._add(name, "speaker")

    def _add(self, name: str, role: str) -> None:
        if name in self.ids:
            return
        base = "p-" + (_NOT_NAME.sub("-", name).strip("-") or "speaker")
        ident, count = base, 1
        while ident in self.ids.values():
            count += 1
            ident = f"{base}-{count}"
        self.ids[name] = ident
        self.roles[name] = role

    def who(self, block: Block) -> str:
        return " ".join(f"#{self.ids[name]}" for name in block["speakers"])


def document(interview: Interview, *, project: str) -> str:
    """The TEI document of ``interview``, as text."""
    root = ET.Element(_tag("TEI"), {_attr("xml_lang"): interview["language"] or "und"})
    people = People(interview)
    _header(root, interview, people, project)
    text = _sub(root, "text")
    body = _sub(text, "body")
    times = _timeline(body, interview)
    division = _sub(body, "div", type="interview", corresp=interview["url"])
    _sub(division, "head", interview["title"])
    for exchange in interview["exchanges"]:
        part = _sub(division, "div", type="exchange", n=str(exchange["number"]))
        part.set("corresp", exchange["url"])
        if exchange["topics"] or exchange["terms"]:
            _sub(
                part,
                "note",
                "; ".join(exchange["topics"] + exchange["terms"]),
                type="topics",
            )
        number = exchange["number"]
        _utterance(part, exchange["question"], f"Q{number}", people, times)
        for index, answer in enumerate(exchange["answers"], start=1):
            label = f"A{number}" if index == 1 else f"A{number}.{index}"
            _utterance(part, answer, label, people, times)
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"


def _header(
    root: ET.Element, interview: Interview, people: People, project: str
) -> None:
    header = _sub(root, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    statement = _sub(file_desc, "titleStmt")
    _sub(statement, "title", interview["title"])
    for name in interview["interviewers"]:
        responsibility = _sub(statement, "respStmt")
        _sub(responsibility, "resp", "interviewer")
        _sub(responsibility, "persName", name)
    publication = _sub(file_desc, "publicationStmt")
    _sub(publication, "publisher", project)
    _sub(publication, "idno", interview["url"], type="URL")
    source = _sub(file_desc, "sourceDesc")
    if interview["media"] or interview["date"]:
        recordings = _sub(source, "recordingStmt")
        recording = _sub(
            recordings, "recording", type=media_type(interview["media"] or "")[0]
        )
        if interview["date"]:
            _sub(recording, "date", interview["date"], when=interview["date"])
        if interview["media"]:
            _sub(recording, "media", url=interview["media"])
    else:
        _sub(source, "p", interview["title"])
    profile = _sub(header, "profileDesc")
    participants = _sub(profile, "particDesc")
    persons = _sub(participants, "listPerson")
    for name, ident in people.ids.items():
        person = _sub(persons, "person", xml_id=ident, role=people.roles[name])
        _sub(person, "persName", name)
    topics = all_topics(interview)
    if topics:
        keywords = _sub(_sub(profile, "textClass"), "keywords")
        for topic in topics:
            _sub(keywords, "term", topic)


def _timeline(body: ET.Element, interview: Interview) -> dict[str, str]:
    """A ``when`` per distinct time, as seconds since the start; ids by anchor."""
    timed = [
        block
        for exchange in interview["exchanges"]
        for block in (exchange["question"], *exchange["answers"])
        if "time" in block
    ]
    if not timed:
        return {}
    timeline = _sub(body, "timeline", unit="s", origin="#T0")
    # The start of the recording; its time of day is not known.
    _sub(timeline, "when", xml_id="T0")
    points: dict[float, str] = {}
    for seconds in sorted({block["time"] for block in timed}):
        points[seconds] = f"T{len(points) + 1}"
        _sub(
            timeline,
            "when",
            xml_id=points[seconds],
            interval=f"{seconds:g}",
            since="#T0",
        )
    return {block["anchor"]: points[block["time"]] for block in timed}


def _utterance(
    parent: ET.Element,
    block: Block,
    label: str,
    people: People,
    times: dict[str, str],
) -> None:
    utterance = _sub(parent, "u", n=label, corresp=block["url"])
    if block["speakers"]:
        utterance.set("who", people.who(block))
    if block["anchor"] in times:
        utterance.set("start", f"#{times[block['anchor']]}")
    for paragraph in block["text"].split("\n\n"):
        if paragraph:
            _sub(utterance, "seg", paragraph, type="paragraph")
