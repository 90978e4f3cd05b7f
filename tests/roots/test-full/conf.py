extensions = ["sphinx_interview", "myst_parser"]
myst_enable_extensions = ["colon_fence"]
project = "Full"
