extensions = ["sphinx_interview", "myst_parser"]
project = "Warnings"
myst_enable_extensions = ["colon_fence"]
