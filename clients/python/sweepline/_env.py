"""Java-agent mode: a training process started by a Sweepline agent (``bin/sweepline agent`` or
``local``), which talks to the server itself. The process only follows the trial contract (SPEC §3):
parameters from the JSON file in ``$SWEEPLINE_CONFIG``, one JSON line per row appended to
``$SWEEPLINE_METRICS``. Stopping is the agent's job (SIGTERM), so ``should_stop`` stays False.
"""

import json
import os

from ._http import SweeplineError
from ._run import Config, Run, merged


def in_java_agent():
    """Whether this process is a trial started by the Java agent."""
    return bool(os.environ.get("SWEEPLINE_TRIAL_ID")) and bool(os.environ.get("SWEEPLINE_METRICS"))


def process_run(defaults=None):
    """The run of this process's trial, from the environment the Java agent set."""
    params = _read_params(os.environ.get("SWEEPLINE_CONFIG"))
    sink = MetricsFileSink(os.environ["SWEEPLINE_METRICS"])
    return Run(os.environ["SWEEPLINE_TRIAL_ID"], os.environ.get("SWEEPLINE_SWEEP_ID"),
               Config(merged(defaults, params)), sink, "process", first_step=sink.existing_rows())


def _read_params(path):
    if not path:
        return {}
    try:
        with open(path, encoding="utf-8") as file:
            params = json.load(file)
    except (OSError, ValueError) as error:
        raise SweeplineError("cannot read the trial's parameters from SWEEPLINE_CONFIG={}: {}".format(path, error))
    if not isinstance(params, dict):
        raise SweeplineError("SWEEPLINE_CONFIG={} holds {}, not a JSON object of parameters".format(
            path, type(params).__name__))
    return params


class MetricsFileSink:
    """Appends each row as one JSON line to the metrics file, flushed at once so the agent, which
    tails the file, sees it (and hyperband can decide) without waiting for a buffer to fill."""

    should_stop = False
    stop_reason = None

    def __init__(self, path):
        self.path = path
        self._file = None
        self._prefix = ""

    def existing_rows(self):
        """Rows already in the file. The agent numbers rows by position, and drops a row whose
        ``_step`` it has seen, so a second run in the same process must go on counting, not restart
        at 0 (and a shell command may have written lines before)."""
        rows, last = 0, b"\n"
        try:
            with open(self.path, "rb") as file:
                for chunk in iter(lambda: file.read(1 << 16), b""):
                    rows += chunk.count(b"\n")
                    last = chunk[-1:]
        except FileNotFoundError:
            return 0
        if last != b"\n":
            # A last line without its newline: end it, or our first row would be glued to it.
            self._prefix = "\n"
            rows += 1
        return rows

    def write(self, row, line):
        if self._file is None:
            self._file = open(self.path, "a", encoding="utf-8")
        # One write per line, so the tailing agent never sees half a row followed by another.
        self._file.write(self._prefix + line + "\n")
        self._prefix = ""
        self._file.flush()

    def finish(self, exit_code, message=None, stopped=False):
        if self._file is not None:
            self._file.close()
            self._file = None
