# A book-length interview for the PDF test: twelve exchanges with multi-paragraph
# answers, so that exchanges cross page breaks, and a page that cites them.
extensions = ["sphinx_interview"]
project = "Harbour Voices"
author = "Coastal Archive"
version = release = "1.0"
latex_documents = [
    ("index", "harbourvoices.tex", "Harbour Voices", "Coastal Archive", "manual"),
]
