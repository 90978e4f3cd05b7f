"""``sphinx-interview import``: every input format through the real command, built with
Sphinx (warnings as errors) in reST and MyST, and read back as a user sees it."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from docutils import nodes
from docutils.core import publish_doctree
from hypothesis import given, settings
from hypothesis import strategies as st
from myst_parser.parsers.docutils_ import Parser as MystParser

from sphinx_interview.transcripts import ImportOptions, TranscriptError, convert
from sphinx_interview.transcripts import import_file as import_function
from sphinx_interview.transcripts.detect import detect_format
from sphinx_interview.transcripts.escape import md_paragraph, rst_paragraph
from sphinx_interview.transcripts.lines import clean

from .helpers import ProjectFactory, index_headings, select_one, text_of

SAMPLES = Path(__file__).parent / "samples"
SEED = SAMPLES / "ivanov-2007.txt"

#: Each document of the built site: the sample it is imported from, and options.
IMPORTS = {
    "ivanov-2007": ("ivanov-2007.txt", ["--interviewer", "RIA Novosti"]),
    "panel": ("panel.vtt", ["--media", "panel.mp3"]),
    "railway": ("interview.srt", []),
    "choir": ("otter.txt", []),
    "hearing": ("hearing.txt", []),
    "markup": ("markup-qa.txt", []),
    "ellison": ("oral-history.xml", []),
}

SPHINX_BUILD = ("-W", "--keep-going", "-q", "-b", "html")
# Straight quotes stay straight, so that the page can be compared with the
# transcript character for character (test_smartquotes covers the default).
CONF = 'extensions = ["sphinx_interview", "myst_parser"]\nsmartquotes = False\n'


def run_import(*args: object) -> subprocess.CompletedProcess[str]:
    """``python -m sphinx_interview import ARGS``, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx_interview", "import", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@dataclass
class Site:
    syntax: str
    srcdir: Path
    outdir: Path

    def source(self, doc: str) -> str:
        return (self.srcdir / f"{doc}.{self.syntax}").read_text(encoding="utf-8")

    def html(self, doc: str) -> BeautifulSoup:
        text = (self.outdir / f"{doc}.html").read_text(encoding="utf-8")
        return BeautifulSoup(text, "html.parser")


@pytest.fixture(scope="module", params=["rst", "md"])
def site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Site:
    """Every sample imported with the command and built with ``sphinx-build -W``."""
    syntax: str = request.param
    srcdir = tmp_path_factory.mktemp(f"import-{syntax}")
    for doc, (sample, options) in IMPORTS.items():
        result = run_import(
            SAMPLES / sample, "-o", srcdir / f"{doc}.{syntax}", *options
        )
        assert (result.returncode, result.stderr) == (0, ""), sample
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    # The recording the panel was imported with (its content is not read).
    (srcdir / "panel.mp3").write_bytes(b"")
    toctree = "".join(f"   {doc}\n" for doc in IMPORTS)
    (srcdir / "index.rst").write_text(f"Archive\n=======\n\n.. toctree::\n\n{toctree}")
    outdir = srcdir / "_build"
    build = subprocess.run(
        [sys.executable, "-m", "sphinx", *SPHINX_BUILD, str(srcdir), str(outdir)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert (build.returncode, build.stderr) == (0, "")
    return Site(syntax, srcdir, outdir)


def blocks(page: BeautifulSoup) -> list[tuple[str, str, list[str]]]:
    """Each question and answer: its kind, its speaker and its paragraphs' text."""
    found = []
    for block in page.select(".sphinx-interview-question, .sphinx-interview-answer"):
        kind = "question" if "sphinx-interview-question" in block["class"] else "answer"
        speaker = block.select_one(".sphinx-interview-speaker")
        found.append((kind, text_of(speaker) if speaker else "", paragraphs(block)))
    return found


def paragraphs(block: Tag) -> list[str]:
    return [
        p.get_text()
        for p in block.find_all("p", recursive=False)
        if "sphinx-interview-header" not in p.get("class", [])
    ]


def meta(page: BeautifulSoup) -> str:
    return text_of(select_one(page, ".sphinx-interview-meta"))


def seed_exchanges() -> list[tuple[str, list[str]]]:
    """The seed read independently: each question and the paragraphs of its answer."""
    exchanges: list[tuple[str, list[str]]] = []
    for paragraph in SEED.read_text(encoding="utf-8").split("\n\n"):
        paragraph = paragraph.strip()
        question = re.match(r"\d+\. Question: ", paragraph)
        if question:
            exchanges.append((paragraph[question.end() :], []))
        elif paragraph.startswith("Answer: "):
            exchanges[-1][1].append(paragraph.removeprefix("Answer: "))
        elif exchanges and paragraph != "No comments:":
            exchanges[-1][1].append(paragraph)
    return exchanges


# -- the built site -------------------------------------------------------------


def test_seed_word_for_word(site: Site) -> None:
    page = site.html("ivanov-2007")
    expected = []
    for question, answer in seed_exchanges():
        expected += [("question", "RIA Novosti", [question])]
        expected += [("answer", "Igor Ivanov", answer)]
    assert len(expected) == 10
    assert blocks(page) == expected
    title = select_one(page, ".sphinx-interview-title")
    assert (
        text_of(title)
        == "Interview: Igor Ivanov, Secretary of the Russian Security Council"
    )
    assert meta(page) == (
        "Date: May 22, 2007 Interviewer: RIA Novosti Interviewee: Igor Ivanov"
    )
    intro = select_one(page, ".sphinx-interview > p:not(.sphinx-interview-title)")
    assert intro.get_text() == (
        "Interview of Secretary of the Russian Security Council Igor Ivanov with the "
        "Russian News & Information Agency RIA Novosti 08:00 22/ 05/ 2007"
    )
    assert "No comments" not in page.get_text()
    assert text_of(page.h1) == "Igor Ivanov, 2007"


def test_seed_anchors_named_after_the_output_file(site: Site) -> None:
    page = site.html("ivanov-2007")
    assert page.select_one("#ivanov-2007-q5") is not None
    assert page.select_one("#ivanov-2007-q5-answer") is not None


def test_webvtt_panel(site: Site) -> None:
    page = site.html("panel")
    assert [(kind, speaker) for kind, speaker, _ in blocks(page)] == [
        ("question", "Ana Ruiz"),
        ("answer", "Tomás Ibarra"),
        ("question", "Ana Ruiz"),
        ("answer", "Tomás Ibarra"),
        ("answer", "Priya Natarajan"),
        ("question", "Ana Ruiz"),
        ("answer", "Priya Natarajan"),
        ("question", "Ana Ruiz"),
        ("answer", "Tomás Ibarra"),
    ]
    texts = [text for _, _, text in blocks(page)]
    # Cues of one voice merge, the cue without a voice continues the speaker
    # before it, and cue ids ("intro", "q1") are not text.
    assert texts[0] == [
        "Welcome to Harbour Voices. Today I'm talking with two people who kept the "
        "old port running. Tomás, how did you come to work on the docks?"
    ]
    assert texts[1] == [
        "My father was a crane driver, so I grew up with the noise of the containers "
        "& the gulls. I started as a lasher in 1987, when I was nineteen, and stayed "
        "for thirty-one years."
    ]
    assert texts[3] == [
        "The ships got bigger and the crews got smaller. Much smaller. "
        "A gang of twelve became a gang of four."
    ]
    # Two voices in one cue: two turns.
    assert texts[5:7] == [
        ["Priya, you ran that office. Was it better?"],
        ["Faster, yes. Better is another question."],
    ]
    assert "intro" not in page.select_one(".sphinx-interview").get_text()
    assert meta(page) == "Interviewer: Ana Ruiz Interviewee: Tomás Ibarra"
    source = site.source("panel")
    assert ":media: panel.mp3" in source
    times = re.findall(r":time: (\S+)", source)
    assert times == [
        "0:00:01", "0:00:11", "0:00:24", "0:00:30", "0:00:38.500",
        "0:00:45", "0:00:45", "1:02:03.500", "1:02:10",
    ]  # fmt: skip


def test_srt(site: Site) -> None:
    page = site.html("railway")
    assert blocks(page) == [
        (
            "question",
            "KEMP",
            [
                "Thank you for meeting me at the station this morning. "
                "When did the line first open?"
            ],
        ),
        (
            "answer",
            "OKAFOR",
            [
                "The first train ran in March 1964, two years late and over budget. "
                "Nobody remembers the delay now."
            ],
        ),
        ("question", "KEMP", ["Who used it in those first years?"]),
        (
            "answer",
            "OKAFOR",
            [
                "Miners, mostly. The early train left at 4:50 so that the first shift "
                "could start at six."
            ],
        ),
        ("question", "KEMP", ["And today?"]),
        ("answer", "OKAFOR", ["Students and nurses. The line outlived the mines."]),
    ]
    assert re.findall(r":time: (\S+)", site.source("railway")) == [
        "0:00:02", "0:00:09", "0:00:18", "0:00:22", "0:00:27.500", "0:00:31",
    ]  # fmt: skip


def test_otter(site: Site) -> None:
    page = site.html("choir")
    found = blocks(page)
    assert [(kind, speaker) for kind, speaker, _ in found] == [
        ("question", "Lena Fischer"),
        ("answer", "Jonas Weber"),
    ] * 3
    # Paragraphs stay paragraphs; the "Transcribed by" footer is not speech.
    assert found[1][2] == [
        "It started in a kitchen, really. Six of us, a borrowed piano and a lot of tea.",
        "We sang whatever somebody had brought along that week, mostly folk songs.",
    ]
    assert "otter.ai" not in page.get_text()
    assert re.findall(r":time: (\S+)", site.source("choir"))[-2:] == [
        "1:02:15",
        "1:02:20",
    ]


def test_speaker_turns_with_a_second_interviewer(site: Site) -> None:
    page = site.html("hearing")
    found = blocks(page)
    assert [(kind, speaker) for kind, speaker, _ in found] == [
        ("question", "Sam Ortiz"),
        ("answer", "Helen Zhou"),
        ("question", "BELL"),
        ("answer", "Helen Zhou"),
        ("question", "BELL"),
        ("answer", "Helen Zhou"),
        ("question", "Sam Ortiz"),
        ("answer", "Helen Zhou"),
    ]
    # Two consecutive turns of the witness are one answer of two paragraphs.
    assert found[1][2] == [
        "It found that the wall was built to the 1970 flood level, not to the level "
        "we expect today.",
        "The difference is about forty centimetres.",
    ]
    assert text_of(select_one(page, ".sphinx-interview-title")) == (
        "Hearing on the Riverside Flood Defences"
    )
    assert meta(page) == (
        "Date: March 14, 2019 Interviewer: Sam Ortiz Interviewee: Helen Zhou"
    )
    source = site.source("hearing")
    assert re.findall(r":speaker: (\S+)", source) == ["BELL", "BELL"]
    assert re.findall(r":time: (\S+)", source)[:3] == ["0:00:12", "0:00:20", "0:01:05"]


def test_markup_characters_render_as_written(site: Site) -> None:
    expected = []
    for paragraph in (
        (SAMPLES / "markup-qa.txt").read_text(encoding="utf-8").split("\n\n")
    ):
        label = re.match(r"([QA]): ", paragraph)
        text = clean(paragraph[label.end() :] if label else paragraph)
        if label:
            expected.append(("question" if label[1] == "Q" else "answer", [text]))
        else:
            expected[-1][1].append(text)
    page = site.html("markup")
    assert [(kind, text) for kind, _, text in blocks(page)] == expected
    assert not page.select(".sphinx-interview em, .sphinx-interview code, ol, ul li p")


def test_ohms(site: Site) -> None:
    page = site.html("ellison")
    found = blocks(page)
    assert [(kind, speaker) for kind, speaker, _ in found] == [
        ("question", "Porter, Daniel"),
        ("answer", "Ellison, Margaret"),
    ] * 4
    assert found[3][2][1] == (
        "But the neighbours came to help at harvest, and we went to theirs, so it was "
        "not all work. There was always a big dinner & a lot of talk."
    )
    assert text_of(select_one(page, ".sphinx-interview-title")) == (
        "Interview with Margaret Ellison, June 11, 1998"
    )
    assert meta(page) == (
        "Date: June 11, 1998 Interviewer: Porter, Daniel Interviewee: Ellison, Margaret"
    )
    source = site.source("ellison")
    assert ":media: https://media.example.org/rvhc/1998oh042.mp3" in source
    # Sync lines give estimated times; an index point starting a turn, its own.
    assert re.findall(r":time: (\S+)", source) == [
        "0:00:00", "0:00:30", "0:00:58", "0:01:13",
        "0:02:00", "0:02:20", "0:03:00", "0:03:12",
    ]  # fmt: skip


def test_ohms_keywords_are_topics_of_their_exchanges(site: Site) -> None:
    index = BeautifulSoup(
        (site.outdir / "interview-topics.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    links = {
        name: sorted(href for _text, href in found)
        for name, found in index_headings(index).items()
    }
    assert links == {
        "Birthplaces": ["ellison.html#ellison-q1"],
        "Carrsville (Ky.)": ["ellison.html#ellison-q1"],
        "Curing barns": ["ellison.html#ellison-q3"],
        "Farm labor": ["ellison.html#ellison-q2"],
        "Harvest": ["ellison.html#ellison-q3"],
        "Louisville (Ky.)": ["ellison.html#ellison-q4"],
        "Mules": ["ellison.html#ellison-q2"],
        "Neighbours": ["ellison.html#ellison-q2"],
        "Telephone companies": ["ellison.html#ellison-q4"],
        "Tobacco": ["ellison.html#ellison-q3"],
    }


def test_myst_fences() -> None:
    """Inner fences of three backticks, inside an outer fence of four."""
    text = convert(
        (SAMPLES / "panel.vtt").read_text(encoding="utf-8"), ImportOptions(to="md")
    )
    fences = re.findall(r"^(`{3,}|~{3,})(\{\w+\})?", text, re.MULTILINE)
    assert fences[0] == ("````", "{interview}")
    assert fences[-1] == ("````", "")
    kinds = "qaqaaqaqa"
    assert fences[1:-1] == [
        pair
        for kind in kinds
        for pair in (("```", "{question}" if kind == "q" else "{answer}"), ("```", ""))
    ]


# -- the command and the function -------------------------------------------------


@pytest.mark.parametrize("syntax", ["rst", "md"])
@pytest.mark.parametrize("sample", sorted(sample for sample, _ in IMPORTS.values()))
def test_command_and_function_write_the_same(sample: str, syntax: str) -> None:
    result = run_import(SAMPLES / sample, "--to", syntax, "--title", "A title")
    assert (result.returncode, result.stderr) == (0, "")
    options = ImportOptions(to=syntax, title="A title")
    assert result.stdout == import_function(SAMPLES / sample, options)
    opening = (
        "````{interview} A title\n" if syntax == "md" else ".. interview:: A title\n"
    )
    assert opening in result.stdout


def test_console_script(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "sphinx-interview"
    output = tmp_path / "seed.md"
    result = subprocess.run(
        [str(script), "import", str(SEED), "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert output.read_text(encoding="utf-8").count("```{answer}") == 5


def test_options_fill_and_override(tmp_path: Path) -> None:
    output = tmp_path / "out.rst"
    result = run_import(
        SAMPLES / "otter.txt", "-o", output, "--name", "choir-1995",
        "--date", "1995-04", "--interviewer", "Jonas Weber",
        "--interviewee", "Lena Fischer", "--title", "The choir",
        "--media", "https://example.org/choir.mp3",
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    text = output.read_text(encoding="utf-8")
    assert text.split(".. interview:: ")[1].splitlines()[:6] == [
        "The choir",
        "   :name: choir-1995",
        "   :date: 1995-04",
        "   :interviewer: Jonas Weber",
        "   :interviewee: Lena Fischer",
        "   :media: https://example.org/choir.mp3",
    ]
    # The named interviewer asks: Jonas's turns are now the questions.
    assert text.count(".. question::") == 3
    first_question = text.split(".. question::")[1]
    assert "It started in a kitchen" in first_question


def test_smartquotes_default_keeps_the_words(project: ProjectFactory) -> None:
    """With Sphinx's default smartquotes, only quotes and dashes change."""
    site = project()
    site.write("index.rst", convert(SEED.read_text(encoding="utf-8"), ImportOptions()))
    site.build()
    assert site.warnings() == []
    page = site.html()
    typographic = str.maketrans(
        {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}
    )
    answers = [text for kind, _, text in blocks(page) if kind == "answer"]
    assert [[p.translate(typographic) for p in a] for a in answers] == [
        answer for _, answer in seed_exchanges()
    ]


# -- bad input ------------------------------------------------------------------

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'
        for n in range(1, 10)
    )
    + "]>\n<ROOT><record><transcript>&lol9;</transcript></record></ROOT>\n"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE ROOT [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    "<ROOT><record><transcript>Q: &x;</transcript></record></ROOT>\n"
)

BAD_INPUTS = {
    "empty.txt": (b"", "is empty"),
    "blank.txt": (b" \n\n\t\n", "is empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20, "binary"),
    "latin1.txt": (
        "Q: Où êtes-vous né ?\nA: À Zürich.\n".encode("latin-1"),
        "--encoding",
    ),
    "utf16.txt": ("Q: Where?\nA: Here.\n".encode("utf-16-le"), "--encoding"),
    "prose.txt": (b"Just a paragraph of prose.\n\nAnd another one.\n", "no questions"),
    "bad-time.vtt": (
        b"WEBVTT\n\n00:00:01.000 --> soon\n<v Ann>Why?\n",
        "malformed WebVTT",
    ),
    "no-header.vtt": (b"00:00:01.000 --> 00:00:02.000\nhello\n", "no questions"),
    "voiceless.vtt": (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nWhy?\n\n"
        b"00:00:03.000 --> 00:00:04.000\nBecause.\n",
        "name no speakers",
    ),
    "broken.srt": (
        b"1\n00:00:01,000 --> 00:00:02,000\nANN: Why?\n\n2\n00:00:03,000 -> 00:00:04\n"
        b"BOB: Because.\n",
        "malformed SRT",
    ),
    "broken.xml": (b"<ROOT><record><title>x</record></ROOT>", "malformed XML"),
    "laughs.xml": (BILLION_LAUGHS.encode(), "hostile XML"),
    "external.xml": (EXTERNAL_ENTITY.encode(), "hostile XML"),
    "feed.xml": (b"<rss><channel><title>x</title></channel></rss>", "not OHMS"),
    "index-only.xml": (
        b'<ROOT xmlns="https://www.weareavp.com/nunncenter/ohms"><record>'
        b"<title>x</title><index><point><time>0</time></point></index>"
        b"</record></ROOT>",
        "no transcript",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_and_writes_nothing(name: str, tmp_path: Path) -> None:
    data, problem = BAD_INPUTS[name]
    source = tmp_path / name
    source.write_bytes(data)
    output = tmp_path / "out" / "interview.rst"
    output.parent.mkdir()
    started = time.monotonic()
    result = run_import(source, "-o", output)
    assert time.monotonic() - started < 20
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"sphinx-interview: error: {source}: ")
    assert problem in lines[0]
    assert list(output.parent.iterdir()) == []


def test_missing_file_and_directory(tmp_path: Path) -> None:
    for path, problem in (
        (tmp_path / "nope.vtt", "no such file"),
        (tmp_path, "directory"),
    ):
        result = run_import(path)
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr.startswith(f"sphinx-interview: error: {path}: ")
        assert problem in result.stderr
        assert len(result.stderr.splitlines()) == 1


def test_an_existing_output_is_left_alone_on_error(tmp_path: Path) -> None:
    output = tmp_path / "interview.rst"
    output.write_text("keep me\n", encoding="utf-8")
    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    result = run_import(source, "-o", output)
    assert result.returncode == 2
    assert output.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "empty.txt",
        "interview.rst",
    ]


def test_usage_errors_and_the_transcript_as_output(tmp_path: Path) -> None:
    result = run_import(SAMPLES / "otter.txt", "--date", "2020-13")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "sphinx-interview import: error: argument --date: invalid date '2020-13' "
        "(expected YYYY, YYYY-MM or YYYY-MM-DD) (see --help)"
    ]
    source = tmp_path / "otter.txt"
    source.write_bytes((SAMPLES / "otter.txt").read_bytes())
    result = run_import(source, "-o", source)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"sphinx-interview: error: {source}: is the transcript itself; "
        "choose another -o file"
    ]
    assert source.read_bytes() == (SAMPLES / "otter.txt").read_bytes()


def test_unwritable_output(tmp_path: Path) -> None:
    output = tmp_path / "missing-directory" / "interview.rst"
    result = run_import(SAMPLES / "otter.txt", "-o", output)
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"sphinx-interview: error: {output}: cannot be written"
    )
    assert len(result.stderr.splitlines()) == 1


def test_other_encodings(tmp_path: Path) -> None:
    text = "Q: Où êtes-vous né ?\nA: À Zürich.\n"
    source = tmp_path / "latin1.txt"
    source.write_bytes(text.encode("latin-1"))
    result = run_import(source, "--encoding", "latin-1")
    assert (result.returncode, result.stderr) == (0, "")
    assert "Où êtes-vous né ?" in result.stdout
    unknown = run_import(source, "--encoding", "klingon")
    assert unknown.returncode == 2
    assert unknown.stderr.endswith('unknown encoding "klingon" (--encoding)\n')
    for encoding, bom in (("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe")):
        source.write_bytes(bom + text.encode(encoding))
        result = run_import(source)
        assert (result.returncode, result.stderr) == (0, ""), encoding
        assert "À Zürich." in result.stdout
        assert "\ufeff" not in result.stdout


# -- rules ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("ivanov-2007.txt", "numbered"),
        ("markup-qa.txt", "qa"),
        ("hearing.txt", "speakers"),
        ("otter.txt", "otter"),
        ("panel.vtt", "webvtt"),
        ("interview.srt", "srt"),
        ("oral-history.xml", "ohms"),
    ],
)
def test_format_detection(sample: str, expected: str) -> None:
    assert detect_format((SAMPLES / sample).read_text(encoding="utf-8")) == expected


def roles(text: str, **options: str) -> list[tuple[str, str]]:
    """(kind, speaker option) of each block of the reST written for ``text``."""
    written = convert(text, ImportOptions(**options))  # type: ignore[arg-type]
    return re.findall(r"\.\. (question|answer)::\n(?:\s+:speaker: (.+)\n)?", written)


def test_interviewer_asks_most_questions() -> None:
    text = (
        "Ann: Hello, Bob. Thanks for coming.\n\nBob: Glad to be here. Shall we start?\n\n"
        "Ann: Where were you born?\n\nBob: In Leeds.\n\nAnn: And then?\n\nBob: York.\n"
    )
    # Bob asks once, Ann twice: Ann is the interviewer, though neither is named.
    assert roles(text) == [("question", ""), ("answer", "")] * 3
    assert ":interviewer: Ann\n" in convert(text, ImportOptions())
    # Naming the interviewer decides it.
    # Ann's greeting, before Bob's first question, is then the introduction.
    assert roles(text, interviewer="Bob") == [
        ("question", ""),
        ("answer", ""),
        ("question", ""),
        ("answer", ""),
        ("question", ""),
    ]


def test_first_speaker_asks_when_nobody_uses_question_marks() -> None:
    text = "ANN: Tell me about Leeds.\nBOB: It rains.\nANN: Go on.\nBOB: A lot.\n"
    assert roles(text) == [("question", ""), ("answer", "")] * 2


def test_answer_before_the_first_question_is_introduction() -> None:
    text = "BOB: Is this on?\nANN: It is. Where were you born?\nBOB: Leeds.\nANN: Why?\nBOB: Fate.\n"
    written = convert(text, ImportOptions(interviewer="Ann"))
    assert "   BOB: Is this on?\n" in written
    assert roles(text, interviewer="Ann") == [("question", ""), ("answer", "")] * 2


def test_question_and_answer_labels_with_periods() -> None:
    text = "Q. Who said it?\n\nA. Lincoln, I think.\n\nA. Lincoln wrote it down too.\n"
    written = convert(text, ImportOptions())
    assert written.count(".. question::") == 1
    assert "      Lincoln, I think.\n\n      Lincoln wrote it down too.\n" in written
    # Labelled with colons, "A. Lincoln" is a sentence, not a label.
    text = "Q: Who said it?\n\nA: Lincoln.\n\nA. Lincoln wrote it down too.\n"
    assert "      \\A. Lincoln wrote it down too.\n" in convert(text, ImportOptions())


def test_no_question_is_an_error() -> None:
    with pytest.raises(TranscriptError, match="no questions found"):
        convert("A: Only answers here.\n\nA: And more.\n", ImportOptions(format="qa"))


# -- escaping: reST and MyST render any text as written --------------------------

# Single characters, and the constructs of either syntax whole (a random mix of
# characters alone seldom forms "word_ " or "[a](b)").
TOKENS = [
    *"aZ1 .:-_*`|\\[]<>#()=+!$&;'\"~^%{}é•I@/?,",
    *(" ", " ", " ", "word", "A.", "2)", "::", "http://x.org/a_b_", "a@b.org"),
    *("word_", "`x`_", "[1]_", "|sub|", "*em*", "**strong**", "``lit``"),
    *(":role:`x`", "{role}`x`", "__init__", "<b>", "&copy;", "$x$", "[a](b)"),
    *("![i](b)", "<http://x.org>", "(label)=", "- ", "> ", "# ", "1. ", "----"),
]
TEXT = (
    st.lists(st.sampled_from(TOKENS), min_size=1, max_size=25)
    .map(lambda parts: clean("".join(parts)))
    .filter(bool)
)


def rendered(source: str, markdown: bool) -> str:
    """The text of ``source`` parsed as one paragraph of plain text.

    Plain: no markup, and no problematic node (which shows its source as text);
    only a standalone URL may become a link to itself.
    """
    overrides = {"report_level": 5, "halt_level": 5, "warning_stream": False}
    parser = MystParser() if markdown else None
    tree = publish_doctree(source, parser=parser, settings_overrides=overrides)
    assert [node.tagname for node in tree.children] == ["paragraph"], source
    for node in tree.children[0].children:
        link = isinstance(node, nodes.reference) and node.astext() in node["refuri"]
        assert isinstance(node, nodes.Text) or link, (source, node)
    return tree.astext()


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_rst_escaping(text: str) -> None:
    assert rendered(rst_paragraph(text), markdown=False) == text


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_md_escaping(text: str) -> None:
    assert rendered(md_paragraph(text), markdown=True) == text


@pytest.mark.parametrize("syntax", ["rst", "md"])
def test_names_with_markup_characters(project: ProjectFactory, syntax: str) -> None:
    """Titles, names and topics come out as written, whatever their characters."""
    text = (
        "Title: The `tick` *star* |pipe| _under_ #hash: a title\n\n"
        'O\'Neil: What about "quotes" and a #hash: too?\n\n'
        "Ann-Marie: Fine.\n\n"
        "O'Neil: And C++_?\n\n"
        "J. R. Smith: Also fine.\n"
    )
    site = project(conf=CONF)
    options = ImportOptions(
        to=syntax, interviewee="Ann-Marie*; x_y", media="a b#c.mp3", name="n: 1"
    )
    site.write(f"doc.{syntax}", convert(text, options, stem="doc"))
    site.write("index.rst", "Index\n=====\n\n.. toctree::\n\n   doc\n")
    (site.srcdir / "a b#c.mp3").write_bytes(b"")
    site.build()
    assert site.warnings() == []
    page = site.html("doc")
    # The recording's name is a file name, spaces and "#" included.
    (source,) = page.select(".sphinx-interview-media source")
    assert str(source["src"]).endswith("/a%20b%23c.mp3")
    assert text_of(select_one(page, ".sphinx-interview-title")) == (
        "The `tick` *star* |pipe| _under_ #hash: a title"
    )
    assert text_of(page.h1) == "The `tick` *star* |pipe| _under_ #hash: a title"
    assert meta(page) == "Interviewer: O'Neil Interviewee: Ann-Marie*, x_y"
    assert blocks(page) == [
        ("question", "O'Neil", ['What about "quotes" and a #hash: too?']),
        # The label names an interviewee: the answer is signed with that name.
        ("answer", "Ann-Marie*", ["Fine."]),
        ("question", "O'Neil", ["And C++_?"]),
        ("answer", "J. R. Smith", ["Also fine."]),
    ]
    assert page.select_one("#n-1-q2-answer") is not None
