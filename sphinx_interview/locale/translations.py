"""Maintainer tool: write the message catalogs of the labels and compile them.

``python -m sphinx_interview.locale.translations`` extracts the messages marked
with ``_()`` from the package, merges them into ``<lang>/LC_MESSAGES/
sphinx_interview.po`` and compiles each catalog to ``.mo`` (shipped, since
Sphinx reads compiled catalogs). Translators edit the ``.po`` files; the test
suite fails when a ``.mo`` no longer matches its ``.po``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).parent
PACKAGE_DIR = LOCALE_DIR.parent
DOMAIN = "sphinx_interview"
LANGUAGES = ("de", "es", "fr", "ru", "zh_CN")


def catalog_path(language: str, suffix: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def compile_catalog(language: str) -> bytes:
    """The ``.mo`` bytes of a language's ``.po``, as babel compiles them."""
    import io

    with catalog_path(language, ".po").open("rb") as stream:
        catalog = read_po(stream, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def main() -> None:
    template = LOCALE_DIR / f"{DOMAIN}.pot"
    pybabel = [sys.executable, "-m", "babel.messages.frontend"]
    subprocess.run(
        [
            *pybabel,
            "extract",
            "-k",
            "_",
            "--no-default-keywords",
            "--no-location",
            "--project",
            DOMAIN,
            "-o",
            str(template),
            str(PACKAGE_DIR),
        ],
        check=True,
    )
    for language in LANGUAGES:
        po = catalog_path(language, ".po")
        command = "update" if po.exists() else "init"
        subprocess.run(
            [
                *pybabel,
                command,
                "-i",
                str(template),
                "-d",
                str(LOCALE_DIR),
                "-D",
                DOMAIN,
                "-l",
                language,
                "--no-wrap",
            ],
            check=True,
        )
        catalog_path(language, ".mo").write_bytes(compile_catalog(language))


if __name__ == "__main__":
    main()
