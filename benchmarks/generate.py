"""The synthetic interview archive: a seeded model written as four Sphinx trees."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import shutil
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from random import Random
from typing import Literal, NamedTuple, TypeAlias

#: ``bare``: the text alone; ``glossary``: the same with its glossary written with
#: Sphinx's ``glossary`` directive (a target, an index entry and an inventory
#: entry per name), as the extension's users write theirs; ``linked``: labels,
#: rubrics, ``:term:`` links and index entries by hand; ``interview``: the
#: extension.
Form = Literal["bare", "glossary", "linked", "interview"]
FORMS: tuple[Form, ...] = ("bare", "glossary", "linked", "interview")
#: ``text`` adds a sentence without glossary terms (no topic, glossary use or link
#: text changes); ``term`` adds one that uses an entry new to the exchange.
Edit = Literal["text", "term"]
SEED = 2007
#: A sentence uses a glossary entry (sometimes two) at TERM_RATE: about 4-5 uses
#: in a 250-word exchange; popularity is Zipf-distributed. A few emphasised words
#: split paragraphs into several text nodes, as in real ones.
TERM_RATE, SECOND_TERM_RATE, ZIPF, EMPHASIS_RATE = 0.30, 0.06, 0.9, 0.01


def wordlist(text: str, separator: str | None = None) -> list[str]:
    return text.split(separator)


FUNCTION_WORDS = wordlist(
    "the the the of of and and to to a a in in that is is it we we was for on with "
    "as be this are not have by at from they but which or an has their there been "
    "our more its will also all would can these than other so"
)
CONTENT_WORDS = wordlist(
    "agreement relations question country government policy security cooperation "
    "meeting ministers summit process region economic trade development energy "
    "market partners council organization members states decision important issue "
    "position situation interests international national military border stability "
    "problem approach level dialogue talks negotiations experience results framework "
    "principle support project investment infrastructure transport exercise threat "
    "challenge crime response mechanism initiative proposal document treaty leaders "
    "year month today future history common joint main serious practical political "
    "open clear new long large small significant possible necessary different take "
    "make give know see think say work help need find show hold discuss agree view"
)
NAMES = wordlist(
    "Anna Boris Clara Daniel Elena Farid Greta Hiroshi Irina Jonas Karim Lena Marco "
    "Nadia Oleg Paula Quentin Rosa Sergei Tamara Umar Vera Walter Xenia Yusuf Zofia"
)
SURNAMES = wordlist(
    "Abramov Berger Castillo Dragan Eriksen Fischer Gromov Haddad Ivanova Jensen "
    "Kowalski Lindqvist Morozov Novak Okafor Petrov Quinlan Rahimi Sato Tanaka Ulrich"
)
OUTLETS = wordlist("RIA Novosti;The Evening Courier;Radio Meridian;Pacific Wire", ";")
PLACES = wordlist("Moscow Beijing Astana Bishkek Dushanbe Tashkent Geneva")
TOPICS = wordlist(
    "energy policy;regional security;trade;border cooperation;counter-terrorism;"
    "economic development;transport corridors;water resources;information security;"
    "military exercises;migration;education;cultural exchange;public health;climate;"
    "sanctions;diplomacy;human rights;science and technology;media freedom;elections",
    ";",
)
ONSETS = wordlist("b c d f g h j k l m n p r s t v z br dr gr kr pl st tr sk vl zh")
VOWELS, CODAS = wordlist("a e i o u a e o"), wordlist(",,,n,r,l,s,k,m", ",")
EDIT_WORDS = wordlist("The editor added this sentence later and it names")


class Use(NamedTuple):  # of glossary entry ``term`` under its name number ``name``
    term: int
    name: int


Kind = Literal["question", "answer"]


class Citation(NamedTuple):  # of an exchange: interview position, number, kind
    interview: int
    exchange: int
    kind: Kind


Token = str | Use | Citation
Paragraph = tuple[tuple[Token, ...], ...]


class Term(NamedTuple):
    names: tuple[str, ...]
    definition: Paragraph


class Exchange(NamedTuple):
    topics: tuple[str, ...]
    question: Paragraph
    answer: tuple[Paragraph, ...]

    def uses(self) -> list[int]:
        """Glossary entries used, in order of first use."""
        tokens = (t for p in (self.question, *self.answer) for s in p for t in s)
        return list(dict.fromkeys(t.term for t in tokens if isinstance(t, Use)))


@dataclass(frozen=True)
class Interview:
    number: int
    title: str
    date: str
    interviewer: str
    interviewee: str
    place: str
    topics: tuple[str, ...]
    intro: Paragraph
    exchanges: tuple[Exchange, ...]

    @property
    def ident(self) -> str:
        return f"int-{self.number:04d}"

    @property
    def docname(self) -> str:
        return f"interviews/{self.ident}"

    @property
    def short(self) -> str:
        """The extension's short title, given explicitly: "Petrov 2007"."""
        return f"{self.interviewee.split()[-1]} {self.date[:4]}"

    @property
    def date_text(self) -> str:  # as the extension shows it: "May 22, 2007"
        date = dt.date.fromisoformat(self.date)
        return f"{date:%B} {date.day}, {date.year}"


@dataclass(frozen=True)
class Settings:  # what an archive is made of: equal settings, byte-identical trees
    interviews: int = 100
    exchanges: int = 12
    terms: int = 120
    seed: int = SEED


@dataclass(frozen=True)
class Archive:
    settings: Settings
    terms: tuple[Term, ...]  # the most used first
    interviews: tuple[Interview, ...]
    analyses: tuple[tuple[str, tuple[Paragraph, ...]], ...]  # title, paragraphs

    def topics(self, interview: Interview, exchange: Exchange) -> list[str]:
        """An exchange's topics as sphinx_interview finds them: the interview's, its
        own, its glossary entries' first names; repeats (ignoring case) dropped."""
        names = [*interview.topics, *exchange.topics]
        unique: dict[str, str] = {}
        for name in names + [self.terms[t].names[0] for t in exchange.uses()]:
            unique.setdefault(name.casefold(), name)
        return list(unique.values())

    def edited(self, kind: Edit) -> Interview:
        """The middle interview with a sentence added to its first answer."""
        interview = self.interviews[len(self.interviews) // 2]
        first = interview.exchanges[0]
        words: tuple[Token, ...] = ("The", "editor", "added", "this", "sentence")
        if kind == "term":  # the most used entry that the exchange does not use
            term = next(t for t in range(len(self.terms)) if t not in first.uses())
            words += ("later", "and", "it", "names", Use(term, 0))
        answer = ((*first.answer[0], (*words, ".")), *first.answer[1:])
        exchanges = (first._replace(answer=answer), *interview.exchanges[1:])
        return replace(interview, exchanges=exchanges)


def glossary(rng: Random, count: int) -> tuple[Term, ...]:
    """Entries of 1-3 invented words; some acronyms, some a name and its acronym;
    no word is a word of the text or repeats, ignoring case as the matching does."""
    taken = {word.lower() for word in FUNCTION_WORDS + CONTENT_WORDS + EDIT_WORDS}

    def unique(make: Callable[[], str]) -> str:
        while (value := make()).lower() in taken:
            pass
        taken.add(value.lower())
        return value

    def word() -> str:
        syllables = [rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(3)]
        return "".join(syllables[: rng.choice((2, 2, 3))]) + rng.choice(CODAS)

    def acronym(initials: str = "") -> str:
        letters = initials + "".join(rng.choices("ABCDEFGHIKLMNOPRSTUVZ", k=4))
        return letters[: rng.choice((3, 3, 4))]

    terms = []
    for _ in range(count):
        kind = rng.random()
        parts = [unique(word) for _ in range(rng.choice((1, 1, 2, 2, 2, 3)))]
        if len(parts) > 1 and rng.random() < 0.25:
            parts = [part.capitalize() for part in parts]  # a proper name
        names: tuple[str, ...] = (" ".join(parts),)
        if kind < 0.08:
            names = (unique(acronym),)
        elif len(parts) > 1 and kind > 0.80:
            initials = "".join(part[0].upper() for part in parts)
            names += (unique(partial(acronym, initials)),)
        terms.append(Term(names, paragraph(rng, (1, 2), (8, 20))))
    return tuple(terms)


Range: TypeAlias = tuple[int, int]
Picker: TypeAlias = Callable[[], Use] | None
Render = Callable[[Token], str]


def paragraph(
    rng: Random, sentences: Range, words: Range, pick: Picker = None, end: str = "."
) -> Paragraph:
    """Sentences of filler words, their numbers drawn in the ranges given, a comma
    now and then, and with ``pick``: glossary uses, a few emphasised words."""
    result = []
    for position in range(count := rng.randint(*sentences)):
        length = rng.randint(*words)
        tokens: list[Token] = []
        for index in range(length):
            word = rng.choice(FUNCTION_WORDS if rng.random() < 0.4 else CONTENT_WORDS)
            if index == 0:
                word = word.capitalize()
            elif pick and rng.random() < EMPHASIS_RATE:
                word = f"*{word}*"
            tokens.append(word)
            if 2 < index < length - 2 and rng.random() < 0.06:
                tokens.append(",")
        if pick is not None and rng.random() < TERM_RATE:
            # Never first, so that a name keeps the capitals it was defined with.
            for _ in range(2 if rng.random() < SECOND_TERM_RATE else 1):
                tokens.insert(rng.randint(1, len(tokens)), pick())
        result.append((*tokens, end if position == count - 1 else "."))
    return tuple(result)


def interview(number: int, settings: Settings, terms: tuple[Term, ...]) -> Interview:
    """Interview ``number``, using the glossary ``terms`` (most popular first)."""
    # A generator of its own: the text does not depend on the archive's size.
    rng = Random(f"{settings.seed}:interview:{number}")
    weights = list(itertools.accumulate(1 / (r + 1) ** ZIPF for r in range(len(terms))))

    def pick() -> Use:
        term = bisect.bisect_left(weights, rng.random() * weights[-1])
        return Use(term, rng.randrange(len(terms[term].names)))

    use = pick if terms else None
    interviewee = f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}"
    interviewer = rng.choice(OUTLETS)
    if rng.random() < 0.5:
        interviewer = f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}"
    year, month, day = rng.randint(1995, 2024), rng.randint(1, 12), rng.randint(1, 28)
    about = " ".join(rng.choices(CONTENT_WORDS, k=rng.randint(2, 5)))
    topics = tuple(rng.sample(TOPICS, rng.randint(1, 3)))
    intro = paragraph(rng, (1, 3), (10, 22))
    exchanges = []
    for _ in range(settings.exchanges):
        own = tuple(rng.sample(TOPICS, rng.randint(1, 2))) if rng.random() < 0.4 else ()
        question = paragraph(rng, (1, 3), (8, 22), pick=use, end="?")
        answer = tuple(
            paragraph(rng, (3, 6), (8, 24), pick=use) for _ in range(rng.randint(2, 4))
        )
        exchanges.append(Exchange(own, question, answer))
    title, date = f"{interviewee} on {about}", f"{year}-{month:02d}-{day:02d}"
    place, items = rng.choice(PLACES), tuple(exchanges)
    return Interview(
        number, title, date, interviewer, interviewee, place, topics, intro, items
    )


def analysis(number: int, settings: Settings) -> tuple[str, tuple[Paragraph, ...]]:
    """A commentary page citing about ten exchanges anywhere in the archive."""
    rng = Random(f"{settings.seed}:analysis:{number}")
    paragraphs = []
    for _ in range(rng.randint(4, 6)):
        sentences = [list(s) for s in paragraph(rng, (3, 5), (10, 22))]
        for words in sentences:
            if rng.random() < 0.5:
                kind: Kind = "answer" if rng.random() < 0.8 else "question"
                cited = (
                    rng.randrange(settings.interviews),
                    rng.randint(1, settings.exchanges),
                )
                words.insert(rng.randint(1, len(words) - 1), Citation(*cited, kind))
        paragraphs.append(tuple(map(tuple, sentences)))
    title = " ".join(rng.choices(CONTENT_WORDS, k=3)).capitalize()
    return f"Analysis {number}: {title}", tuple(paragraphs)


def build(settings: Settings) -> Archive:
    """The archive's model; the same settings always give the same archive."""
    seed, count = settings.seed, settings.interviews
    # Entries are drawn independently: their order serves as popularity rank.
    terms = glossary(Random(f"{seed}:glossary"), settings.terms)
    interviews = [interview(n, settings, terms) for n in range(1, count + 1)]
    analyses = [analysis(n, settings) for n in range(1, max(1, count // 10) + 1)]
    return Archive(settings, terms, tuple(interviews), tuple(analyses))


INTERVIEW_HEADER = """\
.. interview:: {i.title}
   :name: {i.ident}
   :date: {i.date}
   :interviewer: {i.interviewer}
   :interviewee: {i.interviewee}
   :place: {i.place}
   :short: {i.short}
   :topics: {topics}
"""
#: The same header written by hand (the other trees).
PLAIN_HEADER = """\
**{i.title}**

:Date: {i.date_text}
:Place: {i.place}
:Interviewer: {i.interviewer}
:Interviewee: {i.interviewee}
:Topics: {topics}
"""


def wrap(paragraph: Paragraph, render: Render, indent: str = "") -> list[str]:
    """Lines of at most 79 characters; a rendered name or citation is never broken."""
    units = [render(t).replace(" ", "\0") for s in paragraph for t in s]
    text = " ".join(units).replace(" ,", ",").replace(" .", ".").replace(" ?", "?")
    lines = textwrap.wrap(text, 79 - len(indent), break_on_hyphens=False)
    return [indent + line.replace("\0", " ") for line in lines] + [""]


class Writer:
    """The reST sources of one form of an archive."""

    def __init__(self, archive: Archive, form: Form) -> None:
        self.archive, self.form = archive, form

    def files(self) -> Iterator[tuple[str, str]]:
        extensions = '["sphinx_interview"]' if self.form == "interview" else "[]"
        yield "conf.py", f'project = "Interview archive"\nextensions = {extensions}\n'
        yield "index.rst", self.index()
        yield "topics.rst", self.topics()
        yield "glossary.rst", self.glossary()
        for item in self.archive.interviews:
            yield f"{item.docname}.rst", self.interview(item)
        for number, (title, paragraphs) in enumerate(self.archive.analyses, 1):
            lines = [line for p in paragraphs for line in wrap(p, self.cite)]
            yield (
                f"analysis/analysis-{number:03d}.rst",
                "\n".join(heading(title) + lines),
            )

    def name(self, token: Token) -> str:
        if isinstance(token, Use):
            return self.archive.terms[token.term].names[token.name]
        assert isinstance(token, str)
        return token

    def cite(self, token: Token) -> str:
        if not isinstance(token, Citation):
            return self.name(token)
        target = self.archive.interviews[token.interview]
        label = f"{target.ident}-q{token.exchange}"
        if self.form == "interview":
            return f":{token.kind}:`{label}`"
        text = f"{target.short}, Q{token.exchange}"
        anchor = "-answer" if token.kind == "answer" else ""
        return f":ref:`{text} <{label}{anchor}>`" if self.form == "linked" else text

    def interview(self, item: Interview) -> str:
        interview_form, linked = self.form == "interview", self.form == "linked"
        lines = [f".. _{item.ident}:", ""] if linked else []
        lines += heading(f"Interview {item.number:04d}: {item.interviewee}")
        header = INTERVIEW_HEADER if interview_form else PLAIN_HEADER
        topics = ("; " if interview_form else ", ").join(item.topics)
        lines += [*header.format(i=item, topics=topics).splitlines(), ""]
        indent, body = ("   ", " " * 6) if interview_form else ("", "")
        lines += wrap(item.intro, self.name, indent)
        for number, exchange in enumerate(item.exchanges, 1):
            used: set[int] = set()

            def render(token: Token, used: set[int] = used) -> str:
                if not (linked and isinstance(token, Use)) or token.term in used:
                    return self.name(token)
                # :term: on the first use per exchange, where the extension links.
                used.add(token.term)
                return f":term:`{self.name(token)}`"

            label, short = f"{item.ident}-q{number}", f"{item.short}, Q{number}"
            if interview_form:
                lines.append("   .. question::")
                if exchange.topics:
                    lines.append(f"      :topics: {'; '.join(exchange.topics)}")
                lines += ["", *wrap(exchange.question, render, body)]
                lines += ["   .. answer::", ""]
            else:
                if linked:
                    lines.append(".. index::")
                    lines += [
                        f"   single: {t}; {short}"
                        for t in self.archive.topics(item, exchange)
                    ]
                    lines += ["", f".. _{label}:", ""]
                lines += [f".. rubric:: Question {number} — {item.interviewer}", ""]
                lines += wrap(exchange.question, render)
                lines += [f".. _{label}-answer:", ""] if linked else []
                lines += [f".. rubric:: Answer — {item.interviewee}", ""]
            for paragraph in exchange.answer:
                lines += wrap(paragraph, render, body)
        return "\n".join(lines)

    def index(self) -> str:
        lines = heading("Interview archive")
        lines += ["Interviews, commentary, the topics discussed and a glossary.", ""]
        analyses = range(1, len(self.archive.analyses) + 1)
        for caption, docnames in (
            ("Interviews", [item.docname for item in self.archive.interviews]),
            ("Analysis", [f"analysis/analysis-{n:03d}" for n in analyses]),
            ("Reference", ["topics", "glossary"]),
        ):
            lines += [".. toctree::", "   :maxdepth: 1", f"   :caption: {caption}", ""]
            lines += [*(f"   {docname}" for docname in docnames), ""]
        return "\n".join(lines)

    def topics(self) -> str:
        lines = [*heading("Topics"), "The topics of the archive's exchanges.", ""]
        if self.form == "interview":
            lines += [".. interview-topics::", ""]
        return "\n".join(lines)

    def glossary(self) -> str:
        bare = self.form == "bare"
        lines = heading("Glossary") + ([] if bare else [".. glossary::", ""])
        for term in self.archive.terms:
            # bare: a plain definition list, with no targets and no index entries
            lines += (
                [", ".join(term.names)] if bare else [f"   {n}" for n in term.names]
            )
            lines += wrap(term.definition, self.name, "   " if bare else " " * 6)
        return "\n".join(lines)


def heading(text: str) -> list[str]:
    return [text, "=" * len(text), ""]


def write(archive: Archive, root: Path, form: Form) -> None:
    """Write one form of the archive to ``root`` (replacing it)."""
    shutil.rmtree(root, ignore_errors=True)
    for relative, content in Writer(archive, form).files():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(content, encoding="utf-8")
