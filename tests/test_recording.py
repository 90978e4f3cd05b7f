"""Recordings (SPEC §9): the player, time links, the chapters track, times as
text elsewhere, warnings about bad values; and in Chromium, a time link that
seeks and plays, and the marked exchange following playback."""

from __future__ import annotations

import io
import wave

import pytest
import webvtt
from bs4 import BeautifulSoup
from playwright.sync_api import Page, sync_playwright

from .browser import axe_core, describe_violations, launch_chromium, run_axe, serve
from .helpers import Project, ProjectFactory, select_one, text_of

TALK = """\
Recorded
========

.. interview:: A recorded talk
   :name: rec
   :interviewer: Bob Roe
   :interviewee: Ann Lee
   :media: {media}

   .. question:: Where were you born?
      :time: 0:05

   .. answer:: By the sea.
      :time: 0:09.5

   .. question:: And then?
      :time: 1:02

   .. answer:: Inland, in a town with no harbour at all.
      :time: 1:10

   .. question:: Untimed?

   .. answer:: Yes.
"""

MYST = """\
# In Markdown

::::{interview} A Markdown talk
:name: md-rec
:media: tape.wav

:::{question}
:time: 2
Why Markdown?
:::
::::
"""


def silent_wav(seconds: int = 120) -> bytes:
    """A silent mono WAV: any browser plays it, and it weighs little."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as recording:
        recording.setnchannels(1)
        # 8 kHz, 8 bits (silence is 0x80): small, and Chromium plays it.
        recording.setsampwidth(1)
        recording.setframerate(8000)
        recording.writeframes(b"\x80" * 8000 * seconds)
    return buffer.getvalue()


def recorded(project: ProjectFactory, media: str = "tape.wav") -> Project:
    proj = project(
        conf='extensions = ["sphinx_interview", "myst_parser"]\n'
        'myst_enable_extensions = ["colon_fence"]\n'
        'version = release = "1.0"\ncopyright = "2026"\n'
    )
    proj.write("index.rst", TALK.format(media=media))
    (proj.srcdir / "tape.wav").write_bytes(silent_wav())
    return proj


def test_player_time_links_and_chapters(project: ProjectFactory) -> None:
    proj = recorded(project)
    proj.write("md.md", f"---\norphan: true\n---\n{MYST}")
    proj.write("plain.rst", ":orphan:\n\nPlain\n=====\n\nNo recording here.\n")
    proj.build()
    assert proj.warnings() == []
    page = proj.html()
    player = select_one(page, "div.sphinx-interview-media audio")
    source = select_one(player, "source")
    # The local file is copied into the output, as a download.
    copied = proj.outdir / str(source["src"])
    assert copied.read_bytes() == (proj.srcdir / "tape.wav").read_bytes()
    assert source["type"] == "audio/x-wav"
    # Each timed question and answer: its time, a link playing from there.
    links = page.select("a.sphinx-interview-time")
    assert [(text_of(a), a["data-time"], a["href"]) for a in links] == [
        (text, seconds, f"{source['src']}#t={seconds}")
        for text, seconds in (
            ("0:00:05", "5"),
            ("0:00:09.500", "9.5"),
            ("0:01:02", "62"),
            ("0:01:10", "70"),
        )
    ]
    header = links[0].find_parent(class_="sphinx-interview-header")
    assert text_of(header) == "Question 1 — Bob Roe · 0:00:05"
    # One chapter per timed question, to the next one.
    track = select_one(player, "track")
    assert track["kind"] == "chapters"
    chapters = webvtt.read(str(proj.outdir / str(track["src"])))
    assert [(c.start, c.end, c.text) for c in chapters] == [
        ("00:00:05.000", "00:01:02.000", "Q1. Where were you born?"),
        ("00:01:02.000", "24:01:02.000", "Q2. And then?"),
    ]
    # The script comes with pages that have a recording, only.
    assert page.select("script[src*='sphinx-interview.js']")
    assert not proj.html("plain").select("script[src*='sphinx-interview.js']")
    # MyST as reST.
    markdown = proj.html("md")
    assert select_one(markdown, "a.sphinx-interview-time")["data-time"] == "2"


def test_remote_video(project: ProjectFactory) -> None:
    proj = recorded(project, "https://media.example.org/talk.mp4")
    proj.build()
    assert proj.warnings() == []
    page = proj.html()
    source = select_one(page, "div.sphinx-interview-media video source")
    assert source["src"] == "https://media.example.org/talk.mp4"
    first = page.select("a.sphinx-interview-time")[0]
    assert first["href"] == "https://media.example.org/talk.mp4#t=5"


@pytest.mark.parametrize(
    ("media", "time", "expected"),
    [
        (
            "javascript:alert(1)",
            "0:05",
            '":media:" value "javascript:alert(1)" is not an http(s) URL or a '
            "relative path; no player is shown",
        ),
        (
            "missing.mp3",
            "0:05",
            '":media:" file "missing.mp3" not found; no player is shown',
        ),
        (
            "tape.wav",
            "1:75",
            'invalid ":time:" value "1:75" (expected SS, M:SS, MM:SS or H:MM:SS, '
            "optionally with .fff); ignored",
        ),
    ],
    ids=["unsafe-url", "missing-file", "bad-time"],
)
def test_bad_values_warn_at_their_line(
    project: ProjectFactory, media: str, time: str, expected: str
) -> None:
    proj = recorded(project, media)
    proj.replace("index.rst", ":time: 0:05", f":time: {time}")
    proj.build()
    (warning,) = proj.warnings()
    line = 8 if "media" in expected else 11
    assert warning == f"index.rst:{line}: WARNING: {expected} [interview.bad_option]"
    # The text is all there; times shown as text where there is no player.
    page = proj.html()
    assert "Where were you born?" in text_of(page)
    if "media" in expected:
        assert not page.select("audio, video, a.sphinx-interview-time")
        assert text_of(page.select("span.sphinx-interview-time")[0]) == "0:00:05"


def test_other_formats_show_times_as_text(project: ProjectFactory) -> None:
    proj = recorded(project)
    proj.build("text")
    assert proj.warnings() == []
    text = proj.output("index.txt")
    assert "Recording: tape.wav" in text
    assert "Question 1 — Bob Roe · 0:00:05" in text
    assert "Answer — Ann Lee · 0:00:09.500" in text
    proj.build("epub")
    assert proj.warnings() == []
    page = BeautifulSoup(proj.output("index.xhtml"), "html.parser")
    assert not page.select("audio, video, a.sphinx-interview-time")
    assert "Recording: tape.wav" in text_of(page)
    assert [text_of(span) for span in page.select("span.sphinx-interview-time")][
        :2
    ] == ["0:00:05", "0:00:09.500"]
    proj.build("latex")
    tex = next(proj.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\DUrole{sphinx-interview-time}{0:00:05}" in tex
    assert "Recording: tape.wav" in tex


def test_edited_times_rewrite_page_and_chapters(project: ProjectFactory) -> None:
    proj = recorded(project)
    proj.build()
    proj.replace("index.rst", ":time: 1:02", ":time: 1:03")
    proj.build(fresh=False)
    assert proj.warnings() == []
    page = proj.html()
    assert page.select("a.sphinx-interview-time")[2]["data-time"] == "63"
    track = select_one(page, "track")
    chapters = webvtt.read(str(proj.outdir / str(track["src"])))
    assert [c.start for c in chapters] == ["00:00:05.000", "00:01:03.000"]


@pytest.mark.browser
def test_time_links_play_and_the_spoken_exchange_is_marked(
    project: ProjectFactory,
) -> None:
    proj = recorded(project)
    proj.build()
    with serve(proj.outdir) as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        page.goto(f"{url}index.html")
        page.wait_for_function("document.querySelector('audio').readyState >= 1")
        # The player's own chapter list.
        cues = page.evaluate(
            "() => [...document.querySelector('audio').textTracks[0].cues]"
            ".map((cue) => [cue.startTime, cue.text])"
        )
        assert cues == [[5, "Q1. Where were you born?"], [62, "Q2. And then?"]]
        # A click seeks and plays; the question being spoken is marked.
        page.click("a.sphinx-interview-time[data-time='62']")
        page.wait_for_function(
            "() => { const a = document.querySelector('audio');"
            " return !a.paused && a.currentTime >= 62; }"
        )
        wait_for_mark(page, "rec-q2")
        # With the keyboard: the answer's time link, then Enter.
        page.focus("a.sphinx-interview-time[data-time='9.5']")
        page.keyboard.press("Enter")
        page.wait_for_function(
            "() => { const t = document.querySelector('audio').currentTime;"
            " return t >= 9.5 && t < 20; }"
        )
        wait_for_mark(page, "rec-q1-answer")
        # The mark follows playback, wherever the player is moved.
        page.evaluate("document.querySelector('audio').currentTime = 71")
        wait_for_mark(page, "rec-q2-answer")
        # The player, time links and the marked answer pass axe's WCAG checks
        # (the mark's colours keep the text readable).
        result = run_axe(page, axe_core(), [".sphinx-interview"])
        assert result["violations"] == [], describe_violations(result["violations"])
        browser.close()


def wait_for_mark(page: Page, block_id: str) -> None:
    """Wait until ``block_id`` is the one question or answer marked as being
    spoken (the player reports its time a few times a second)."""
    page.wait_for_function(
        "(id) => { const marked = [...document.querySelectorAll("
        "'.sphinx-interview-playing')]; return marked.length === 1"
        " && marked[0].id === id && marked[0].getAttribute('aria-current'); }",
        arg=block_id,
    )


def test_link_tooltips_say_when(project: ProjectFactory) -> None:
    """A link to a timed question or answer says where it is in the recording;
    changing the time updates the citing page in an incremental build."""
    proj = recorded(project)
    proj.write(
        "cites.rst",
        ":orphan:\n\nCites\n=====\n\n"
        ":question:`rec-q1`, :answer:`rec-q1`, :answer:`rec-q3`.\n",
    )
    proj.build()
    assert proj.warnings() == []

    def titles() -> list[str]:
        links = proj.html("cites").select("a.reference.internal")
        return [str(a["title"]) for a in links]

    assert titles() == [
        "Q1. Where were you born? · 0:00:05",
        "Answer to Q1. Where were you born? · 0:00:09.500",
        # Untimed: no time.
        "Answer to Q3. Untimed?",
    ]
    proj.replace("index.rst", ":time: 0:09.5", ":time: 0:12")
    proj.build(fresh=False)
    assert titles()[1] == "Answer to Q1. Where were you born? · 0:00:12"
