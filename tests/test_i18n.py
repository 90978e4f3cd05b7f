"""Translations: the labels in five languages, and a translated interview."""

from __future__ import annotations

import pytest

from sphinx_interview.locale.translations import (
    LANGUAGES,
    catalog_path,
    compile_catalog,
)

from .helpers import SharedBuilds, select_one, text_of


def test_russian_build(built: SharedBuilds) -> None:
    proj = built("i18n")
    assert proj.warnings() == []
    page = proj.html()
    interview = select_one(page, "div.sphinx-interview")
    assert text_of(select_one(interview, ".sphinx-interview-title")) == (
        "Интервью Игоря Иванова РИА Новости"
    )
    meta = text_of(select_one(interview, "dl.sphinx-interview-meta"))
    assert "Дата" in meta
    assert "22 мая 2007 г." in meta
    assert "Интервьюер" in meta
    assert "РИА Новости" in meta
    q1 = select_one(interview, "#ivanov-2007-q1")
    # Labels come from the extension's catalog; the default speaker follows the
    # translated metadata; the question text from the project's catalog.
    assert (
        text_of(select_one(q1, ".sphinx-interview-header")) == "Вопрос 1 — РИА Новости"
    )
    assert "Какие вопросы вы обсуждаете с коллегами?" in text_of(q1)
    a1 = select_one(interview, "#ivanov-2007-q1-answer")
    assert text_of(select_one(a1, ".sphinx-interview-header")) == "Ответ — Игорь Иванов"
    assert "Мы занимаемся теми же вопросами." in text_of(a1)
    # What is not translated stays as written.
    assert "An untranslated question?" in text_of(
        select_one(interview, "#ivanov-2007-q2")
    )
    link = select_one(page, "div.body > section > p a.reference")
    assert text_of(link) == "Igor Ivanov, 2007, о. 1"
    assert select_one(q1, "a.headerlink")["title"] == "Ссылка на этот вопрос"


def test_gettext_offers_questions_and_answers_to_translators(
    built: SharedBuilds,
) -> None:
    proj = built("i18n", "gettext")
    pot = proj.output("index.pot")
    for message in (
        "Interview of Igor Ivanov with RIA Novosti",
        "What issues do you discuss with your colleagues?",
        "We deal with the same issues.",
        "An untranslated answer.",
        "RIA Novosti",
    ):
        assert f'msgid "{message}"' in pot


@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_catalogs_are_complete_and_compiled(language: str) -> None:
    po = catalog_path(language, ".po").read_text(encoding="utf-8")
    assert (
        'msgstr ""\n\n' not in po.split("\n\n", 1)[1] + "\n\n"
    )  # every label translated
    assert catalog_path(language, ".mo").read_bytes() == compile_catalog(language)


@pytest.mark.parametrize(
    ("language", "question"),
    [("de", "Frage 1"), ("fr", "Question 1"), ("es", "Pregunta 1"), ("zh_CN", "问 1")],
)
def test_labels_in_other_languages(
    built: SharedBuilds, language: str, question: str
) -> None:
    proj = built("core", language=language)
    header = select_one(
        proj.html("interview"), "#ivanov-2007-q1 .sphinx-interview-header"
    )
    assert text_of(header).startswith(question)
