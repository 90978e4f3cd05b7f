extensions = ["sphinx_interview"]
project = "Core"
