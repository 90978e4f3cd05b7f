"""``python -m sphinx_interview``: the ``sphinx-interview`` command."""

from __future__ import annotations

import sys

from .transcripts.cli import main

sys.exit(main())
