"""Node classes of the interview doctree.

Each class derives from a generic docutils node (container, paragraph, field list)
so that a builder without visitors of ours still renders it: Sphinx's translators
dispatch along the class's MRO.
"""

from __future__ import annotations

from docutils import nodes


class interview(nodes.container):
    """A whole interview: title, metadata header, introduction and exchanges.

    Attributes: ``interview_id`` (base of the automatic anchors), ``labels``
    (explicit ``:name:`` labels), ``short`` (short title), ``date`` (ISO date or
    ``""``), ``topics`` (list), ``lang`` (BCP 47 tag or ``""``).
    """


class interview_title(nodes.paragraph):
    """The interview's title line; carries the permalink to the interview.

    Not a ``rubric``: Sphinx's writers drop a rubric whose text is "Footnotes".
    """


class interview_meta(nodes.field_list):
    """The compact metadata header (date, place, interviewer, ...)."""


class interview_exchange(nodes.container):
    """A question and the blocks that follow it up to the next question (made
    when writing, ``layout.py``)."""


class question(nodes.container):
    """One question.

    Attributes: ``interview_id``, ``number``, ``auto_label``, ``labels``, ``topics``.
    """


class answer(nodes.container):
    """One answer.

    Attributes: ``interview_id``, ``number``, ``answer_index``, ``auto_label``,
    ``labels``, ``topics``.
    """


class interview_header(nodes.paragraph):
    """The "Question 3 — RIA Novosti" line of a question or answer, made when
    writing (``layout.py``); while reading, a placeholder holding the speaker the
    author gave (a default speaker is the block's ``speaker_from`` role)."""


class interview_topics(nodes.General, nodes.Element):
    """Placeholder for an ``interview-topics`` directive, filled when resolving."""


class exchange_links(nodes.General, nodes.Element):
    """Generated links to exchanges: a topic's list, or "Mentioned in".

    Only HTML builders get this node (see ``links.exchange_links``): it is drawn
    straight to HTML, because an archive's topic lists hold thousands of links
    and as docutils nodes they cost more time and memory than the rest of the
    extension together. Having no text children, it is also left out of the
    search index, where it would only repeat the interview pages.

    Attributes: ``links`` (tuple of ``archive.ExchangeLink``), ``fromdocname``,
    ``inline`` (``True``: "a; b; c" in a paragraph; ``False``: a bullet list,
    each link followed by the question's summary).
    """


class topic_list(nodes.General, nodes.Element):
    """Topics, each with links to its exchanges: the topic index, or part of it.

    Only HTML builders get this node (see ``topic_index.topic_list``), drawn
    straight to HTML like :class:`exchange_links`: a large glossary makes
    thousands of topics. Its children are the topic names as text, so that the
    search index and ``astext()`` still find them; the writer skips them.

    Attributes: ``topics`` (tuple of ``topics.Topic``), ``fromdocname``,
    ``anchors`` (give each topic its anchor; only one list per page may).
    """


class term_link(nodes.reference):
    """A glossary name the extension linked (``glossary_links.py``).

    An archive has thousands; HTML builders draw each in one step
    (``writers/html.py``), other writers see the reference it is.
    """
