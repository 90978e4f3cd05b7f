"""Transcript import: read a transcript file and write an interview source file."""

from __future__ import annotations

from .importer import ImportOptions, convert, import_file
from .model import TranscriptError

__all__ = ["ImportOptions", "TranscriptError", "convert", "import_file"]
