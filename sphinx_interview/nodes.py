"""Node classes of the interview doctree.

Each class derives from a generic docutils node (container, paragraph, field list)
so that a builder without visitors of ours still renders it: Sphinx's translators
dispatch along the class's MRO.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes


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


class interview_media(nodes.paragraph):
    """The recording (``:media:``): a player in HTML, else "Recording: tape.mp3".

    Attributes: ``uri`` (an http(s) URL, or ``""`` for a local file),
    ``filename`` (the local file as Sphinx copies it into ``_downloads``),
    ``name`` (as written), ``kind`` (``audio`` or ``video``), ``mime``.
    """


class interview_time(nodes.inline):
    """Where a question or answer starts in the recording, "0:01:05", in its
    header line (made when writing, for writers other than HTML's, which draws
    the time from the header's attributes as a link that plays from there).

    Attributes: ``time`` (seconds), ``media`` (the recording's URL from the
    output's root, ``""`` without one).
    """


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
    """Placeholder for an ``interview-topics`` directive, filled when resolving.

    Attributes: ``names`` of the topics to show (empty: all), ``interviews``
    (labels; empty: all).
    """


class interview_speakers(interview_topics):
    """Placeholder for an ``interview-speakers`` directive, filled when resolving."""


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


class index_list(nodes.General, nodes.Element):
    """Topics or speakers, each with links: an index page, or part of one.

    Only HTML builders get this node (see ``index_lists.index_list``), drawn
    straight to HTML like :class:`exchange_links`: a large glossary makes
    thousands of topics. Its children are the names as text, so that the search
    index and ``astext()`` still find them; the writer skips them.

    Attributes: ``headings`` (tuple of ``names.Heading``), ``fromdocname``,
    ``prefix`` (of the anchors it gives; each list on a page has its own),
    ``level`` (heading level of its letters).
    """


class exchange_index(addnodes.index):
    """The index entries of a question, answer or interview (``index_entries.py``).

    An ``index`` node to every writer but LaTeX's, which sorts the exchanges
    under a heading in their order (Q2 before Q10) rather than as text.
    """


class term_link(nodes.reference):
    """A glossary name the extension linked (``glossary_links.py``).

    An archive has thousands; HTML builders draw each in one step
    (``writers/html.py``), other writers see the reference it is.
    """


class interview_cite(nodes.General, nodes.Element):
    """ "Cite": the citation of a question, answer or whole interview, in HTML
    only (``writers/html_cite.py``), shown without JavaScript as a disclosure.

    Attributes: ``text`` (the citation, ending with ``url``), ``url``,
    ``label`` (what the disclosure says), ``files`` (``(label, path)`` pairs of
    the BibTeX and CSL-JSON files, paths from the output's root).
    """
