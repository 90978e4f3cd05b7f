"""A deterministic synthetic interview archive, written as two equivalent Sphinx trees.

The archive (interviews, glossary, topics, analysis pages citing answers) is built
once as a model from seeded :class:`random.Random` instances and nothing else, then
rendered twice with the same text:

* ``ext/``: sphinx_interview markup (``interview`` / ``question`` / ``answer``,
  automatic glossary links, ``:answer:`` citations, ``interview-topics``);
* ``plain/``: what an editor would write in plain Sphinx for the same pages: a
  section per interview, a rubric and an explicit label per question and answer,
  ``:term:`` on exactly the first use of each glossary entry per exchange (the
  uses sphinx_interview links by itself), ``.. index::`` entries for the topics
  and ``:ref:`` citations.

Two plain baselines exist. ``basic`` (the default) is the above: the plain build
does the same reading, linking and indexing work, and the extension's generated
extras (the topic list of ``interview-topics``, the ``interview-topics.html``
index page, "Mentioned in" lines below glossary entries, topic links in the
interview headers) are part of its measured cost. ``mirror`` also writes those
extras out by hand (as rubrics, lists and ``:ref:`` roles), so that both trees
render the same pages; hand-written reST for thousands of links costs plain
Sphinx more to parse than the extension spends generating them, so ``mirror``
flatters the extension and is only a reference point.

Glossary names are made of invented words that occur nowhere else, each word in
one name only. So a name appears in the text only where the generator put it,
and the first uses it marks with ``:term:`` in the plain tree are exactly the
ones sphinx_interview's matcher finds: both builds produce the same links.

Run ``python -m benchmarks.generate --help`` to write a tree by hand.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

#: Default seed; the archive depends on nothing else.
SEED = 2007

#: Line width of the generated sources.
WIDTH = 79

#: Probability that a sentence of an exchange uses a glossary entry, and that it
#: uses a second one. About 4-5 uses in a 250-word exchange, one word in 50.
TERM_RATE = 0.30
SECOND_TERM_RATE = 0.06

#: Zipf exponent of glossary-entry popularity: a few entries are used everywhere,
#: most rarely (as in real glossaries).
ZIPF_EXPONENT = 0.9

#: Probability that a word of an answer is emphasised (``*word*``), so that the
#: text of some paragraphs is split over several nodes as in real documents.
EMPHASIS_RATE = 0.01

Baseline = Literal["mirror", "basic"]

# -- vocabulary ------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_FUNCTION_WORDS = _words(
    "the the the of of and and to to a a in in that is is it we we was for on "
    "with as be this are not have by at from they but which or an has their "
    "there been our more its will also all would can these than other so"
)

_CONTENT_WORDS = _words(
    "agreement relations question country countries government policy security "
    "cooperation meeting ministers summit process region regional economic "
    "development trade energy market partners partnership council organization "
    "member members states state decision decisions important position issue "
    "issues situation interests interest international national military forces "
    "border borders stability problem problems approach level dialogue talks "
    "negotiations experience result results framework principle principles "
    "support responsibility project projects investment infrastructure transport "
    "exercise exercises threat threats challenge challenges terrorism extremism "
    "drug trafficking crime response mechanism structure structures initiative "
    "initiatives proposal proposals document documents treaty declaration charter "
    "secretariat delegation delegations visit visits leaders leadership president "
    "minister ministry office committee commission conference session sessions "
    "year years month months week today future past history historical current "
    "common mutual joint basic main serious real practical political social "
    "cultural humanitarian financial technical scientific regular special general "
    "open clear broad new long short large small significant possible necessary "
    "certain different similar particular concrete effective constructive "
    "discuss discussed consider considered believe believed agree agreed develop "
    "developed continue continued support supported prepare prepared reach reached "
    "sign signed implement implemented strengthen strengthened expand expanded "
    "coordinate coordinated ensure ensured propose proposed remain remained "
    "become became take took make made give gave know knew see saw think thought "
    "say said work worked help helped need needed find found show showed hold held "
    "emphasis attention opinion view views answer answers colleagues experts "
    "public society people citizens economy resources water oil gas pipeline "
    "railway road network information communication media press analysis "
    "assessment estimate figures data report reports plan plans programme "
    "schedule agenda priority priorities goal goals task tasks step steps stage "
    "stages period basis terms conditions context character nature scope scale "
    "volume growth increase decrease balance role place part side sides way ways "
    "means method methods form forms kind type group groups number series range "
    "degree extent case cases example examples fact facts reason reasons sense "
    "point points matter matters course direction directions area areas field "
    "fields sphere spheres sector sectors industry industries company companies "
    "bank banks fund funds budget costs prices trust confidence understanding "
    "consensus compromise difference differences change changes reform reforms"
)

_FIRST_NAMES = _words(
    "Anna Boris Clara Daniel Elena Farid Greta Hiroshi Irina Jonas Karim Lena "
    "Marco Nadia Oleg Paula Quentin Rosa Sergei Tamara Umar Vera Walter Xenia "
    "Yusuf Zofia Alexei Bianca Carlos Dina Emil Fatima Gustav Helena Igor Julia"
)

_SURNAMES = _words(
    "Abramov Berger Castillo Dragan Eriksen Fischer Gromov Haddad Ivanova Jensen "
    "Kowalski Lindqvist Morozov Novak Okafor Petrov Quinlan Rahimi Sato Tanaka "
    "Ulrich Vasquez Weber Xu Yamada Zeller Antonov Baranova Chen Dubois Egorov "
    "Ferreira Galkin Horvath Ishikawa Kuznetsov Larsen Markovic Nilsson Orlov"
)

_OUTLETS = (
    "RIA Novosti",
    "The Evening Courier",
    "Radio Meridian",
    "Northern Review",
    "Channel Seven",
    "The Atlas Weekly",
    "Pacific Wire",
    "Oral History Project",
)

_PLACES = ("Moscow", "Beijing", "Astana", "Bishkek", "Dushanbe", "Tashkent", "Geneva")

_TOPICS = (
    "energy policy",
    "regional security",
    "trade",
    "border cooperation",
    "counter-terrorism",
    "economic development",
    "transport corridors",
    "water resources",
    "information security",
    "military exercises",
    "drug trafficking",
    "migration",
    "education",
    "cultural exchange",
    "public health",
    "financial cooperation",
    "sanctions",
    "diplomacy",
    "human rights",
    "climate",
    "agriculture",
    "telecommunications",
    "science and technology",
    "tourism",
    "youth policy",
    "media freedom",
    "elections",
    "constitutional reform",
    "oil and gas",
    "nuclear energy",
    "peacekeeping",
    "arms control",
    "investment",
    "infrastructure",
    "history",
    "religion",
    "labour markets",
    "space programme",
    "cybercrime",
    "disaster relief",
)

_ONSETS = _words("b c d f g h j k l m n p r s t v z br dr gr kr pl st tr sk vl zh")
_VOWELS = _words("a e i o u a e o")
_CODAS = ["", "", "", "n", "r", "l", "s", "k", "m", "x"]
_CAPITALS = "ABCDEFGHIJKLMNOPRSTUVWXZ"
_MONTHS = _words(
    "January February March April May June July August September October "
    "November December"
)

# -- the model ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TermUse:
    """A use of glossary entry ``term`` under its name number ``name``."""

    term: int
    name: int


@dataclass(frozen=True, slots=True)
class Citation:
    """A cross-reference from an analysis page to an exchange."""

    interview: int
    exchange: int
    kind: Literal["question", "answer"]


#: A word ("*word*" is emphasised), a punctuation mark (attached to the word before
#: it), a glossary use or a citation.
Token = str | TermUse | Citation
Sentence = tuple[Token, ...]
Paragraph = tuple[Sentence, ...]

_PUNCTUATION = frozenset({",", ".", "?"})


@dataclass(frozen=True, slots=True)
class Term:
    names: tuple[str, ...]
    definition: Paragraph


@dataclass(frozen=True, slots=True)
class Exchange:
    number: int
    topics: tuple[str, ...]
    question: Paragraph
    answer: tuple[Paragraph, ...]

    def paragraphs(self) -> Iterator[Paragraph]:
        yield self.question
        yield from self.answer

    def mentioned(self) -> tuple[int, ...]:
        """Glossary entries used, in order of first use (question, then answer)."""
        return tuple(
            dict.fromkeys(
                token.term
                for paragraph in self.paragraphs()
                for sentence in paragraph
                for token in sentence
                if isinstance(token, TermUse)
            )
        )


@dataclass(frozen=True, slots=True)
class Interview:
    index: int
    title: str
    date: str
    date_text: str
    interviewer: str
    interviewee: str
    place: str
    short: str
    topics: tuple[str, ...]
    intro: Paragraph
    exchanges: tuple[Exchange, ...]

    @property
    def ident(self) -> str:
        return f"int-{self.index:04d}"

    @property
    def docname(self) -> str:
        return f"interviews/{self.ident}"


@dataclass(frozen=True, slots=True)
class Analysis:
    index: int
    title: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def docname(self) -> str:
        return f"analysis/analysis-{self.index:03d}"


@dataclass(frozen=True)  # no slots: the defaults are read as class attributes
class Settings:
    """What the archive is made of; equal settings give byte-identical trees."""

    interviews: int = 100
    exchanges: int = 12
    terms: int = 120
    seed: int = SEED


@dataclass(slots=True)
class Archive:
    settings: Settings
    terms: list[Term]
    interviews: list[Interview]
    analyses: list[Analysis]
    #: Per (interview, exchange number): the exchange's topics, as
    #: sphinx_interview derives them (interview's, own, glossary entries' first
    #: names; repeats removed case-insensitively).
    exchange_topics: dict[tuple[int, int], tuple[str, ...]] = field(
        default_factory=dict
    )

    def exchange(self, interview: int, number: int) -> Exchange:
        return self.interviews[interview].exchanges[number - 1]

    def link_text(self, interview: int, number: int) -> str:
        """How sphinx_interview names an exchange: "Petrov 2007, Q3"."""
        return f"{self.interviews[interview].short}, Q{number}"

    def topics(self) -> list[tuple[str, list[tuple[int, int]]]]:
        """Every topic, sorted case-insensitively, with its exchanges in order."""
        names: dict[str, str] = {}
        links: dict[str, list[tuple[int, int]]] = {}
        for (interview, number), topics in self.exchange_topics.items():
            for name in topics:
                key = name.casefold()
                names.setdefault(key, name)
                links.setdefault(key, []).append((interview, number))
        return [(names[key], links[key]) for key in sorted(names)]

    def mentions(self) -> dict[int, list[tuple[int, int]]]:
        """For each glossary entry used, the exchanges using it, in reading order."""
        result: dict[int, list[tuple[int, int]]] = {}
        for interview in self.interviews:
            for exchange in interview.exchanges:
                for term in exchange.mentioned():
                    result.setdefault(term, []).append(
                        (interview.index - 1, exchange.number)
                    )
        return result


# -- generating --------------------------------------------------------------------


class _Words:
    """Invented words for glossary names: pronounceable, unique, not English."""

    def __init__(self, rng: random.Random, taken: set[str]) -> None:
        self.rng = rng
        self.taken = taken

    def word(self) -> str:
        while True:
            syllables = self.rng.choice((2, 2, 3))
            word = "".join(
                self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS)
                for _ in range(syllables)
            ) + self.rng.choice(_CODAS)
            if word not in self.taken:
                self.taken.add(word)
                return word

    def acronym(self, initials: str = "") -> str:
        while True:
            length = self.rng.choice((3, 3, 4))
            letters = initials[:length] + "".join(
                self.rng.choice(_CAPITALS) for _ in range(length - len(initials))
            )
            if letters.lower() not in self.taken:
                self.taken.add(letters.lower())
                return letters


def _glossary(rng: random.Random, count: int) -> list[Term]:
    """Entries of 1-3 words; some acronyms, some with a long name and an acronym."""
    taken = set(_FUNCTION_WORDS) | set(_CONTENT_WORDS)
    words = _Words(rng, taken)
    terms: list[Term] = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.08:
            names: tuple[str, ...] = (words.acronym(),)
        else:
            parts = [words.word() for _ in range(rng.choice((1, 1, 2, 2, 2, 3)))]
            if len(parts) > 1 and rng.random() < 0.25:
                parts = [part.capitalize() for part in parts]  # a proper name
            name = " ".join(parts)
            if len(parts) > 1 and kind > 0.80:
                initials = "".join(part[0].upper() for part in parts)
                names = (name, words.acronym(initials))
            else:
                names = (name,)
        definition = tuple(
            _sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(1, 2))
        )
        terms.append(Term(names, definition))
    return terms


def _sentence(
    rng: random.Random,
    length: int,
    end: str = ".",
    pick_term: Callable[[], TermUse] | None = None,
    emphasis: bool = False,
) -> Sentence:
    """``length`` filler words, a comma now and then, glossary uses at the rate set."""
    tokens: list[Token] = []
    for position in range(length):
        if rng.random() < 0.4:
            word = rng.choice(_FUNCTION_WORDS)
        else:
            word = rng.choice(_CONTENT_WORDS)
        if position == 0:
            word = word.capitalize()
        elif emphasis and rng.random() < EMPHASIS_RATE:
            word = f"*{word}*"
        tokens.append(word)
        if 2 < position < length - 2 and rng.random() < 0.06:
            tokens.append(",")
    if pick_term is not None and rng.random() < TERM_RATE:
        # Never first: sentences start with a filler word, so a name is always
        # written as defined (capitals matter for acronyms).
        uses = 2 if rng.random() < SECOND_TERM_RATE else 1
        for _ in range(uses):
            tokens.insert(rng.randint(1, len(tokens)), pick_term())
    tokens.append(end)
    return tuple(tokens)


class _TermPicker:
    """Draws glossary uses with Zipf-distributed popularity."""

    def __init__(self, rng: random.Random, terms: Sequence[Term]) -> None:
        self.rng = rng
        self.terms = terms
        # Popularity rank is independent of the glossary's (generation) order.
        self.order = list(range(len(terms)))
        rng.shuffle(self.order)
        weights = [1.0 / (rank + 1) ** ZIPF_EXPONENT for rank in range(len(terms))]
        self.cumulative = list(itertools.accumulate(weights))

    def __call__(self, rng: random.Random) -> TermUse:
        rank = bisect.bisect_left(self.cumulative, rng.random() * self.cumulative[-1])
        term = self.order[min(rank, len(self.order) - 1)]
        return TermUse(term, rng.randrange(len(self.terms[term].names)))


def _interview(index: int, settings: Settings, picker: _TermPicker | None) -> Interview:
    # One generator per interview: interview 7 is the same text in archives of
    # 100 and of 1000 interviews (with the same glossary).
    rng = random.Random(f"{settings.seed}:interview:{index}")

    def pick() -> TermUse:
        assert picker is not None
        return picker(rng)

    term = pick if picker is not None else None
    first, surname = rng.choice(_FIRST_NAMES), rng.choice(_SURNAMES)
    interviewee = f"{first} {surname}"
    interviewer = (
        rng.choice(_OUTLETS)
        if rng.random() < 0.5
        else f"{rng.choice(_FIRST_NAMES)} {rng.choice(_SURNAMES)}"
    )
    year, month, day = rng.randint(1995, 2024), rng.randint(1, 12), rng.randint(1, 28)
    month_name = _MONTHS[month - 1]
    title_words = " ".join(rng.choice(_CONTENT_WORDS) for _ in range(rng.randint(2, 5)))
    topics = tuple(rng.sample(_TOPICS, rng.randint(1, 3)))
    intro = tuple(_sentence(rng, rng.randint(10, 22)) for _ in range(rng.randint(1, 3)))
    exchanges = []
    for number in range(1, settings.exchanges + 1):
        question_topics = (
            tuple(rng.sample(_TOPICS, rng.randint(1, 2))) if rng.random() < 0.4 else ()
        )
        count = rng.randint(1, 3)
        question = tuple(
            _sentence(
                rng,
                rng.randint(8, 22),
                end="?" if i == count - 1 else ".",
                pick_term=term,
            )
            for i in range(count)
        )
        answer = tuple(
            tuple(
                _sentence(rng, rng.randint(8, 24), pick_term=term, emphasis=True)
                for _ in range(rng.randint(3, 6))
            )
            for _ in range(rng.randint(2, 4))
        )
        exchanges.append(Exchange(number, question_topics, question, answer))
    return Interview(
        index=index,
        title=f"{interviewee} on {title_words}",
        date=f"{year:04d}-{month:02d}-{day:02d}",
        date_text=f"{month_name} {day}, {year}",
        interviewer=interviewer,
        interviewee=interviewee,
        place=rng.choice(_PLACES),
        short=f"{surname} {year}",
        topics=topics,
        intro=intro,
        exchanges=tuple(exchanges),
    )


def _analysis(index: int, settings: Settings, interviews: int) -> Analysis:
    """A commentary page citing about ten exchanges anywhere in the archive."""
    rng = random.Random(f"{settings.seed}:analysis:{index}")
    paragraphs: list[Paragraph] = []
    for _ in range(rng.randint(4, 6)):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            sentence = list(_sentence(rng, rng.randint(10, 22)))
            if rng.random() < 0.5:
                citation = Citation(
                    rng.randrange(interviews),
                    rng.randint(1, settings.exchanges),
                    "answer" if rng.random() < 0.8 else "question",
                )
                sentence.insert(rng.randint(1, len(sentence) - 1), citation)
            sentences.append(tuple(sentence))
        paragraphs.append(tuple(sentences))
    title = " ".join(rng.choice(_CONTENT_WORDS) for _ in range(3)).capitalize()
    return Analysis(index, f"Analysis {index}: {title}", tuple(paragraphs))


def build_archive(settings: Settings) -> Archive:
    """The archive's model; the same settings always give the same archive."""
    terms = _glossary(random.Random(f"{settings.seed}:glossary"), settings.terms)
    picker = (
        _TermPicker(random.Random(f"{settings.seed}:popularity"), terms)
        if terms
        else None
    )
    interviews = [
        _interview(index, settings, picker)
        for index in range(1, settings.interviews + 1)
    ]
    analyses = [
        _analysis(index, settings, settings.interviews)
        for index in range(1, max(1, settings.interviews // 10) + 1)
    ]
    archive = Archive(settings, terms, interviews, analyses)
    for position, interview in enumerate(interviews):
        for exchange in interview.exchanges:
            names = [
                *interview.topics,
                *exchange.topics,
                *(terms[term].names[0] for term in exchange.mentioned()),
            ]
            unique: dict[str, str] = {}
            for name in names:
                unique.setdefault(name.casefold(), name)
            archive.exchange_topics[position, exchange.number] = tuple(unique.values())
    return archive


# -- rendering ---------------------------------------------------------------------


def _wrap(units: Iterable[str], indent: str) -> list[str]:
    """Words to lines of at most ``WIDTH`` characters; a unit is never broken."""
    lines: list[str] = []
    line = ""
    for unit in units:
        if line and len(indent) + len(line) + 1 + len(unit) > WIDTH:
            lines.append(indent + line)
            line = unit
        else:
            line = f"{line} {unit}" if line else unit
    if line:
        lines.append(indent + line)
    return lines


def _units(
    paragraph: Paragraph, render: Callable[[TermUse | Citation], str]
) -> list[str]:
    units: list[str] = []
    for sentence in paragraph:
        for token in sentence:
            if isinstance(token, str):
                if token in _PUNCTUATION and units:
                    units[-1] += token
                else:
                    units.append(token)
            else:
                units.append(render(token))
    return units


def plain_text(paragraph: Paragraph, terms: Sequence[Term]) -> str:
    """The paragraph as readers see it (no markup)."""

    def render(token: TermUse | Citation) -> str:
        assert isinstance(token, TermUse)
        return terms[token.term].names[token.name]

    return " ".join(_units(paragraph, render)).replace("*", "")


def summary(paragraph: Paragraph, terms: Sequence[Term], limit: int = 100) -> str:
    """First sentence, cut at a word boundary: sphinx_interview's question summary."""
    text = plain_text(paragraph[:1], terms)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _paragraph(
    paragraph: Paragraph,
    render: Callable[[TermUse | Citation], str],
    indent: str = "",
) -> list[str]:
    return [*_wrap(_units(paragraph, render), indent), ""]


def _heading(text: str, underline: str = "=") -> list[str]:
    return [text, underline * len(text), ""]


def _topic_label(name: str) -> str:
    return "topic-" + "-".join(
        "".join(ch if ch.isalnum() else " " for ch in name.lower()).split()
    )


class _Renderer:
    """Renders the archive's pages; subclasses decide the markup."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.terms = archive.terms

    def name(self, use: TermUse) -> str:
        return self.terms[use.term].names[use.name]

    def conf(self) -> str:
        raise NotImplementedError

    def interview(self, interview: Interview, edited: bool = False) -> str:
        raise NotImplementedError

    def analysis(self, analysis: Analysis) -> str:
        raise NotImplementedError

    def topics(self) -> str:
        raise NotImplementedError

    def glossary(self) -> str:
        raise NotImplementedError

    def index(self) -> str:
        archive = self.archive
        lines = [
            *_heading("Interview archive"),
            "Interviews, commentary, the topics discussed and a glossary.",
            "",
        ]
        sections = (
            ("Interviews", [interview.docname for interview in archive.interviews]),
            ("Analysis", [analysis.docname for analysis in archive.analyses]),
            ("Reference", ["topics", "glossary"]),
        )
        for caption, docnames in sections:
            lines += [".. toctree::", "   :maxdepth: 1", f"   :caption: {caption}", ""]
            lines += [f"   {docname}" for docname in docnames]
            lines.append("")
        return "\n".join(lines)

    def files(self) -> Iterator[tuple[str, str]]:
        """(relative path, content) of every file of the tree."""
        yield "conf.py", self.conf()
        yield "index.rst", self.index()
        yield "topics.rst", self.topics()
        yield "glossary.rst", self.glossary()
        for interview in self.archive.interviews:
            yield f"{interview.docname}.rst", self.interview(interview)
        for analysis in self.archive.analyses:
            yield f"{analysis.docname}.rst", self.analysis(analysis)

    def definition(self, term: Term) -> list[str]:
        """A glossary entry without the back-links."""
        lines = [f"   {name}" for name in term.names]
        lines += _paragraph(term.definition, self._no_markup, "      ")
        return lines

    @staticmethod
    def _no_markup(token: TermUse | Citation) -> str:
        raise AssertionError(f"unexpected {token!r} in a glossary definition")

    def edited(self, paragraph: Paragraph) -> Paragraph:
        """The paragraph after an editor's correction: one more plain sentence.

        It uses no glossary entry, so the interview's topics and links stay the
        same; what the incremental build then has to redo is the same in both
        trees unless the extension rewrites more than the edited page.
        """
        return (*paragraph, ("This", "sentence", "was", "added", "later", "."))


class ExtRenderer(_Renderer):
    """The archive in sphinx_interview markup."""

    def conf(self) -> str:
        return (
            '"""Benchmark archive with sphinx_interview (generated)."""\n\n'
            'project = "Interview archive"\n'
            'extensions = ["sphinx_interview"]\n'
        )

    def interview(self, interview: Interview, edited: bool = False) -> str:
        def render(token: TermUse | Citation) -> str:
            assert isinstance(token, TermUse)
            return self.name(token)

        lines = [
            *_heading(f"Interview {interview.index:04d}: {interview.interviewee}"),
            f".. interview:: {interview.title}",
            f"   :name: {interview.ident}",
            f"   :date: {interview.date}",
            f"   :interviewer: {interview.interviewer}",
            f"   :interviewee: {interview.interviewee}",
            f"   :place: {interview.place}",
            f"   :short: {interview.short}",
            f"   :topics: {'; '.join(interview.topics)}",
            "",
            *_paragraph(interview.intro, render, "   "),
        ]
        for exchange in interview.exchanges:
            lines.append("   .. question::")
            if exchange.topics:
                lines.append(f"      :topics: {'; '.join(exchange.topics)}")
            lines.append("")
            lines += _paragraph(exchange.question, render, "      ")
            lines += ["   .. answer::", ""]
            for position, paragraph in enumerate(exchange.answer):
                if edited and exchange.number == 1 and position == 0:
                    paragraph = self.edited(paragraph)
                lines += _paragraph(paragraph, render, "      ")
        return "\n".join(lines)

    def analysis(self, analysis: Analysis) -> str:
        def render(token: TermUse | Citation) -> str:
            assert isinstance(token, Citation)
            ident = self.archive.interviews[token.interview].ident
            return f":{token.kind}:`{ident}-q{token.exchange}`"

        lines = _heading(analysis.title)
        for paragraph in analysis.paragraphs:
            lines += _paragraph(paragraph, render)
        return "\n".join(lines)

    def topics(self) -> str:
        return "\n".join(
            [
                *_heading("Topics"),
                "Every topic of the archive and the exchanges about it.",
                "",
                ".. interview-topics::",
                "",
            ]
        )

    def glossary(self) -> str:
        lines = [*_heading("Glossary"), ".. glossary::", ""]
        for term in self.terms:
            lines += self.definition(term)
        return "\n".join(lines)


class PlainRenderer(_Renderer):
    """The same archive as an editor would write it with plain Sphinx."""

    def __init__(self, archive: Archive, baseline: Baseline = "basic") -> None:
        super().__init__(archive)
        self.baseline = baseline

    def conf(self) -> str:
        return (
            '"""Benchmark archive in plain Sphinx (generated)."""\n\n'
            'project = "Interview archive"\n'
            "extensions: list[str] = []\n"
        )

    def topic_ref(self, name: str) -> str:
        if self.baseline == "basic":
            return name
        return f":ref:`{name} <{_topic_label(name)}>`"

    def exchange_ref(self, position: int, number: int, anchor: str = "") -> str:
        ident = self.archive.interviews[position].ident
        text = self.archive.link_text(position, number)
        return f":ref:`{text} <{ident}-q{number}{anchor}>`"

    def interview(self, interview: Interview, edited: bool = False) -> str:
        position = interview.index - 1
        ident = interview.ident
        lines = [
            f".. _{ident}:",
            "",
            *_heading(f"Interview {interview.index:04d}: {interview.interviewee}"),
            f"**{interview.title}**",
            "",
            f":Date: {interview.date_text}",
            f":Place: {interview.place}",
            f":Interviewer: {interview.interviewer}",
            f":Interviewee: {interview.interviewee}",
            ":Topics: " + ", ".join(self.topic_ref(t) for t in interview.topics),
            "",
            *_paragraph(interview.intro, self.name_only),
        ]
        for exchange in interview.exchanges:
            used: set[int] = set()

            def render(token: TermUse | Citation, used: set[int] = used) -> str:
                # ``:term:`` on the first use of each entry in the exchange,
                # exactly where sphinx_interview links it.
                assert isinstance(token, TermUse)
                if token.term in used:
                    return self.name(token)
                used.add(token.term)
                return f":term:`{self.name(token)}`"

            number = exchange.number
            text = self.archive.link_text(position, number)
            lines.append(".. index::")
            lines += [
                f"   single: {topic}; {text}"
                for topic in self.archive.exchange_topics[position, number]
            ]
            lines += [
                "",
                f".. _{ident}-q{number}:",
                "",
                f".. rubric:: Question {number} — {interview.interviewer}",
                "",
                *_paragraph(exchange.question, render),
                f".. _{ident}-q{number}-answer:",
                "",
                f".. rubric:: Answer — {interview.interviewee}",
                "",
            ]
            for index, paragraph in enumerate(exchange.answer):
                if edited and number == 1 and index == 0:
                    paragraph = self.edited(paragraph)
                lines += _paragraph(paragraph, render)
        return "\n".join(lines)

    def name_only(self, token: TermUse | Citation) -> str:
        assert isinstance(token, TermUse)
        return self.name(token)

    def analysis(self, analysis: Analysis) -> str:
        def render(token: TermUse | Citation) -> str:
            assert isinstance(token, Citation)
            anchor = "-answer" if token.kind == "answer" else ""
            return self.exchange_ref(token.interview, token.exchange, anchor)

        lines = _heading(analysis.title)
        for paragraph in analysis.paragraphs:
            lines += _paragraph(paragraph, render)
        return "\n".join(lines)

    def topics(self) -> str:
        lines = [
            *_heading("Topics"),
            "Every topic of the archive and the exchanges about it.",
            "",
        ]
        if self.baseline == "basic":
            return "\n".join(lines)
        # What ``interview-topics`` generates, written out: the topic, then a
        # link to each exchange with the question's first sentence.
        for name, links in self.archive.topics():
            lines += [f".. _{_topic_label(name)}:", "", f".. rubric:: {name}", ""]
            for position, number in links:
                question = self.archive.exchange(position, number).question
                lines.append(
                    f"* {self.exchange_ref(position, number)} — "
                    f"{summary(question, self.terms)}"
                )
            lines.append("")
        return "\n".join(lines)

    def glossary(self) -> str:
        mentions = self.archive.mentions() if self.baseline == "mirror" else {}
        lines = [*_heading("Glossary"), ".. glossary::", ""]
        for index, term in enumerate(self.terms):
            lines += self.definition(term)
            if index in mentions:
                # The "Mentioned in" list sphinx_interview adds, written out.
                links = [
                    self.exchange_ref(position, number)
                    for position, number in mentions[index]
                ]
                units = [f"{link};" for link in links[:-1]] + links[-1:]
                lines += _wrap(["**Mentioned", "in:**", *units], "      ")
                lines.append("")
        return "\n".join(lines)


# -- writing -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Trees:
    """The two source trees of one archive."""

    plain: Path
    ext: Path
    archive: Archive
    baseline: Baseline

    def renderer(self, variant: str) -> _Renderer:
        if variant == "ext":
            return ExtRenderer(self.archive)
        return PlainRenderer(self.archive, self.baseline)

    def source(self, variant: str) -> Path:
        return self.ext if variant == "ext" else self.plain

    def edit_target(self) -> Interview:
        """The interview the incremental benchmark edits: the middle one."""
        interviews = self.archive.interviews
        return interviews[len(interviews) // 2]

    def interview_text(self, variant: str, edited: bool) -> tuple[Path, str]:
        """Path and (original or edited) content of the edited interview."""
        interview = self.edit_target()
        path = self.source(variant) / f"{interview.docname}.rst"
        return path, self.renderer(variant).interview(interview, edited=edited)


def _write_tree(root: Path, files: Iterable[tuple[str, str]]) -> None:
    if root.exists():
        shutil.rmtree(root)
    for relative, content in files:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def write_trees(
    settings: Settings, destination: Path, baseline: Baseline = "basic"
) -> Trees:
    """Write ``destination/plain`` and ``destination/ext`` (replacing them)."""
    archive = build_archive(settings)
    trees = Trees(destination / "plain", destination / "ext", archive, baseline)
    _write_tree(trees.plain, PlainRenderer(archive, baseline).files())
    _write_tree(trees.ext, ExtRenderer(archive).files())
    return trees


def describe(archive: Archive) -> dict[str, int]:
    """Sizes of the archive, for the results file."""
    exchanges = [e for i in archive.interviews for e in i.exchanges]
    words = sum(
        len([t for s in p for t in s if not (isinstance(t, str) and t in ".,?")])
        for e in exchanges
        for p in e.paragraphs()
    )
    return {
        "interviews": len(archive.interviews),
        "exchanges": len(exchanges),
        "glossary_entries": len(archive.terms),
        "glossary_names": sum(len(t.names) for t in archive.terms),
        "entries_used": len(archive.mentions()),
        "linked_uses": sum(len(e.mentioned()) for e in exchanges),
        "exchange_words": words,
        "topics": len(archive.topics()),
        "analysis_pages": len(archive.analyses),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("destination", type=Path)
    parser.add_argument("--interviews", type=int, default=Settings.interviews)
    parser.add_argument("--exchanges", type=int, default=Settings.exchanges)
    parser.add_argument("--terms", type=int, default=Settings.terms)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--baseline", choices=("mirror", "basic"), default="basic")
    args = parser.parse_args(argv)
    settings = Settings(args.interviews, args.exchanges, args.terms, args.seed)
    trees = write_trees(settings, args.destination, args.baseline)
    print(f"wrote {trees.plain} and {trees.ext}: {describe(trees.archive)}")


if __name__ == "__main__":
    main()
