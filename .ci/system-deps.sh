#!/bin/sh
# System tools used by the output tests (PDF, EPUB, HTML validation, browser),
# and npm, with which `make test` installs the pinned axe-core (tests/package.json).
# Installs the missing ones with apt-get when run as root; otherwise names them
# and fails, so that no test is silently skipped.
set -eu

need=""
command -v latexmk >/dev/null 2>&1 || need="$need latexmk texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended tex-gyre"
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
command -v java >/dev/null 2>&1 || need="$need default-jre-headless"
command -v epubcheck >/dev/null 2>&1 || need="$need epubcheck"
command -v chromium >/dev/null 2>&1 || need="$need chromium fonts-dejavu-core"
command -v npm >/dev/null 2>&1 || need="$need npm"

[ -z "$need" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages:$need"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $need >/dev/null
else
    echo "The output tests need these system packages:$need" >&2
    echo "Install them (for example: sudo apt-get install$need) and run again." >&2
    exit 1
fi
