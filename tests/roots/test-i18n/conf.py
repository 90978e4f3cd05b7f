extensions = ["sphinx_interview"]
project = "I18n"
language = "ru"
locale_dirs = ["locale/"]
gettext_compact = False
