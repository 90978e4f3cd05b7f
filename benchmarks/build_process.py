"""Runs one sphinx-build here; reports its own and each -j worker's peak memory."""

from __future__ import annotations

import cProfile
import json
import os
import runpy
import sys
import time
from pathlib import Path

from sphinx.cmd.build import main as sphinx_build


def peak_rss_kib() -> int:
    """Peak resident memory in KiB: ``VmHWM``, reset by ``execve``, where
    ``ru_maxrss`` starts at the size of the process that started this one."""
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))


def switch_off(names: list[str]) -> set[str]:
    """Apply ``switches.py`` beside this file (loaded by its path: ``-P`` keeps
    this directory off ``sys.path``, so that the snapshot is what is imported).
    Returns the set that each switch adds its name to when the build calls it."""
    switches = runpy.run_path(str(Path(__file__).with_name("switches.py")))
    switches["switch_off"](names)
    fired: set[str] = switches["FIRED"]
    return fired


def main() -> int:
    report, arguments, workers = sys.argv[1], sys.argv[2:], []

    def waitpid(pid: int, options: int) -> tuple[int, int]:
        # Sphinx forks its -j workers through multiprocessing, which reaps each
        # with os.waitpid. wait4 is that system call also returning the reaped
        # process's resource usage: its peak RSS as the kernel counted it, with
        # no sampling and nothing run inside the worker.
        found, status, usage = os.wait4(pid, options)
        if found:
            workers.append(usage.ru_maxrss)
        return found, status

    os.waitpid = waitpid
    fired: set[str] = set()
    if switched := os.environ.get("BENCHMARK_SWITCH_OFF"):
        fired = switch_off(switched.split(","))
    if profile := os.environ.get("BENCHMARK_PROFILE"):
        # CPU time: waiting for a busy machine is charged to no function.
        profiler = cProfile.Profile(time.process_time)
        status = profiler.runcall(sphinx_build, arguments)
        profiler.dump_stats(profile)
    else:
        status = sphinx_build(arguments)
    own = peak_rss_kib()
    extension = getattr(sys.modules.get("sphinx_interview"), "__file__", None)
    found = {"rss_kib": own, "workers_rss_kib": workers, "extension": extension}
    found["switched_off"] = sorted(fired)
    with open(report, "w", encoding="utf-8") as stream:
        json.dump(found, stream)
    return status


if __name__ == "__main__":
    sys.exit(main())
