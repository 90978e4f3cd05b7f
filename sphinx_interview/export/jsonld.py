"""An interview as schema.org linked data (JSON-LD) for the page holding it.

schema.org has no interview type. The interview is a ``Conversation`` (a
``CreativeWork`` made of messages between people, the closest type), with
``genre`` "interview"; the interviewee is its ``author`` and each interviewer a
``contributor`` in the role "interviewer" (the ``Role`` pattern, as reference
managers and CSL treat interviews). Each question is a ``Question`` and each
answer an ``Answer`` (its ``suggestedAnswer``: an interview has no accepted
answer), with its speaker, position and URL; the recording is its
``associatedMedia``.
"""

from __future__ import annotations

from typing import Any

from ..values import media_type
from .model import Block, Exchange, Interview, all_topics


def describe(interview: Interview, *, project: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Conversation",
        "genre": "interview",
        "@id": interview["url"],
        "url": interview["url"],
        "name": interview["title"],
        "alternateName": interview["short"],
    }
    if interview["interviewees"]:
        data["author"] = [_person(name) for name in interview["interviewees"]]
    if interview["interviewers"]:
        data["contributor"] = [
            {
                "@type": "Role",
                "roleName": "interviewer",
                "contributor": _person(name),
            }
            for name in interview["interviewers"]
        ]
    if interview["date"]:
        data["dateCreated"] = interview["date"]
    if interview["language"]:
        data["inLanguage"] = interview["language"]
    if project:
        data["isPartOf"] = {"@type": "CreativeWork", "name": project}
    topics = all_topics(interview)
    if topics:
        data["keywords"] = topics
    if interview["media"]:
        kind = media_type(interview["media"])[0]
        data["associatedMedia"] = {
            "@type": "VideoObject" if kind == "video" else "AudioObject",
            "contentUrl": interview["media"],
        }
    data["hasPart"] = [_question(exchange) for exchange in interview["exchanges"]]
    return data


def _person(name: str) -> dict[str, str]:
    return {"@type": "Person", "name": name}


def _question(exchange: Exchange) -> dict[str, Any]:
    question = _message("Question", exchange["question"])
    question["position"] = exchange["number"]
    if exchange["summary"]:
        question["name"] = exchange["summary"]
    if exchange["answers"]:
        question["suggestedAnswer"] = [
            _message("Answer", answer) for answer in exchange["answers"]
        ]
    return question


def _message(kind: str, block: Block) -> dict[str, Any]:
    message: dict[str, Any] = {"@type": kind, "@id": block["url"], "url": block["url"]}
    if block["speakers"]:
        message["author"] = [_person(name) for name in block["speakers"]]
    return message
