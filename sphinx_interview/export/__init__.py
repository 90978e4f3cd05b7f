"""Interviews as data: the plain description every export is made from
(``data.py``), and the formats made from it: ``interviews.json``, TEI, BibTeX,
CSL-JSON, schema.org JSON-LD and the citations shown on the pages (SPEC §11)."""
