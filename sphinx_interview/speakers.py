"""Speakers: who asked and who answered, each with the questions and answers they
spoke, in reading order."""

from __future__ import annotations

from .archive import Archive, ExchangeLink
from .names import Heading, fold, headings


class SpeakerTable:
    """Every speaker (interviewers, interviewees, ``:speaker:`` names) as a heading.

    Names that differ only in case, accents or the like (``names.fold``) are one
    speaker, shown as first written.
    """

    def __init__(self, archive: Archive) -> None:
        names: dict[str, str] = {}
        links: dict[str, list[ExchangeLink]] = {}

        def add(speakers: tuple[str, ...], link: ExchangeLink) -> None:
            for written in speakers:
                if fold(written):
                    name = names.setdefault(fold(written), written)
                    links.setdefault(name, []).append(link)

        for exchange in archive.exchanges:
            record = exchange.record
            add(record.speakers, exchange.link)
            for answer, text in zip(record.answers, exchange.answer_texts, strict=True):
                link = ExchangeLink(
                    record.docname,
                    record.interview_id,
                    answer.anchor,
                    text,
                    record.summary,
                )
                add(answer.speakers, link)
        self.speakers: list[Heading] = headings("speaker", links)
        self._by_key = {fold(speaker.name): speaker for speaker in self.speakers}

    def find(self, name: str) -> Heading | None:
        return self._by_key.get(fold(name))
