"""The in-process agent: ``sweepline.agent(sweep_id, function=train, count=10)``.

It claims trials over the HTTP agent API one at a time and calls ``function()`` for each, like
``wandb.agent``. While the function runs, a daemon thread heartbeats (a trial the server does not
hear from for ~30 s is LOST and handed out again), ships the function's printed output, and sends any
metrics a failed post left behind. The server's answer to every report says whether the trial must
stop; the function sees that as ``run.should_stop``.
"""

import os
import socket
import sys
import threading
import time
import traceback

from ._http import Client, SweeplineError, quote
from ._run import Config, Run, last_line, set_agent_run

HEARTBEAT_SECONDS = 3.0       # the Java agent's interval; the server declares a trial LOST after ~30 s
CLAIM_WAIT_SECONDS = 20       # long poll; the server caps it at 60
RETRY_WINDOW_SECONDS = 60.0   # how long a transient failure (server restarting) is waited out
MAX_FAILURES_IN_ROW = 5       # like the Java agent: a function that always fails stops the agent
MAX_ROWS_PER_POST = 10000     # the server's limit per metrics request
LOG_TAIL_CHARS = 16 * 1024    # what the server keeps of a finished trial's stdout and stderr
_FINAL_STATES = ("FINISHED", "CANCELED")


def _say(message, problem=False):
    """Progress on stderr, like wandb's agent; SWEEPLINE_SILENT=true hides it, but not problems.
    Written past the trial's output capture: the agent's chatter is not the trial's log."""
    if not problem and os.environ.get("SWEEPLINE_SILENT", "").lower() in ("1", "true", "yes"):
        return
    stream = sys.stderr
    if isinstance(stream, _Tee):
        stream = stream._target
    stream.write("sweepline: " + message + "\n")
    stream.flush()


class HttpSink:
    """Where an agent trial's rows go: ``POST .../metrics``. Rows that could not be sent (server
    briefly away) stay pending and go with the next log, heartbeat or the finish; ``_step`` makes a
    resent row harmless. The reply's ``stop`` becomes ``should_stop``."""

    def __init__(self, client, sweep_id, trial_id):
        self.client = client
        self.path = "/sweeps/{}/trials/{}".format(quote(sweep_id), quote(trial_id))
        self.should_stop = False
        self.stop_reason = None
        self.requested = None         # (exit_code, message, stopped) from run.finish(), if called
        self._pending = []            # JSON lines not yet acknowledged
        self._send_lock = threading.Lock()
        self._warned = False

    # -- called by Run -----------------------------------------------------------------------

    def write(self, row, line):
        with self._send_lock:
            self._pending.append(line)
        self.flush()

    def finish(self, exit_code, message=None, stopped=False):
        """``run.finish()`` inside the function: send what is pending and remember the outcome; the
        agent reports it when the function returns, with the function's whole output (reporting
        now would end the trial's live log before, say, a traceback printed after the ``with``)."""
        self.flush()
        self.requested = (exit_code, message, stopped)

    def report(self, exit_code, message=None, stopped=False, stdout_tail=None, stderr_tail=None):
        """``POST .../finish``, retried while the server is unreachable (finishing twice is harmless).
        Returns "finished", "failed" or "stopped" as reported."""
        self.flush()
        if stopped or (exit_code == 0 and self.should_stop):
            body, outcome = {"state": "stopped"}, "stopped"
        else:
            body = {"exit_code": int(exit_code)}
            outcome = "finished" if exit_code == 0 else "failed"
        if message:
            body["message"] = message
        # The server keeps a finished trial's output only from these tails (the live log is dropped).
        if stdout_tail:
            body["stdout_tail"] = stdout_tail
        if stderr_tail:
            body["stderr_tail"] = stderr_tail
        try:
            _with_retries(lambda: self.client.post(self.path + "/finish", body))
        except SweeplineError as error:
            if error.status != 404:  # 404: the server already forgot the trial; nothing to report
                _say("could not report the end of trial {}: {}".format(self.path, error), problem=True)
        return outcome

    # -- called by Run and the heartbeat thread ------------------------------------------------

    def flush(self):
        """Send pending rows, oldest first. Failures keep them pending (transient) or drop them
        with a warning (rejected: they would never be accepted)."""
        with self._send_lock:
            while self._pending:
                batch = self._pending[:MAX_ROWS_PER_POST]
                body = '{"metrics":[' + ",".join(batch) + "]}"
                try:
                    self._acknowledged(self.client.post(self.path + "/metrics", body))
                except SweeplineError as error:
                    if error.transient:
                        self._warn_once("metrics will be resent: {}".format(error))
                        return
                    if error.status == 404:
                        self.stop("the server no longer knows this trial")
                    else:
                        _say("metrics rejected and dropped: {}".format(error), problem=True)
                del self._pending[:len(batch)]
                self._warned = False

    def heartbeat(self):
        self._acknowledged(self.client.post(self.path + "/heartbeat", {}))

    def ship_logs(self, stdout, stderr):
        self._acknowledged(self.client.post(self.path + "/logs", {"stdout": stdout, "stderr": stderr}))

    def _acknowledged(self, reply):
        if isinstance(reply, dict) and reply.get("stop"):
            self.stop(reply.get("reason"))

    def stop(self, reason):
        if not self.should_stop:
            self.stop_reason = reason
            self.should_stop = True

    def _warn_once(self, message):
        if not self._warned:
            self._warned = True
            _say(message, problem=True)


class _Heartbeat(threading.Thread):
    """Keeps a trial alive while the user's function runs (the GIL is released during sleeps and
    I/O, and long pure-Python loops are still interrupted every few milliseconds)."""

    def __init__(self, sink, output, interval):
        super().__init__(name="sweepline-heartbeat", daemon=True)
        self.sink = sink
        self.output = output
        self.interval = interval
        self.done = threading.Event()
        self._failing = False

    def run(self):
        while True:
            self.beat()
            if self.done.wait(self.interval):
                return

    def beat(self):
        try:
            self.sink.flush()
            self.sink.heartbeat()
            # Output that fails to ship is not kept for a retry: the finish carries the tails anyway.
            stdout, stderr = self.output.take_new()
            if stdout or stderr:
                self.sink.ship_logs(stdout, stderr)
            self._failing = False
        except SweeplineError as error:
            if error.status == 404:
                self.sink.stop("the server no longer knows this trial")
            elif not self._failing:  # once per outage, not every few seconds
                self._failing = True
                _say("heartbeat failed, retrying: {}".format(error), problem=True)
        except Exception as error:  # never let the thread die silently: the trial would be LOST
            _say("heartbeat error: {!r}".format(error), problem=True)

    def stop(self):
        self.done.set()
        self.join(timeout=30)


class _Tee:
    """Stands in for sys.stdout/sys.stderr during a trial: writes through, and keeps the text for
    the server (the new part for the live log, the tail for the finished trial)."""

    def __init__(self, target, capture):
        self._target = target
        self._capture = capture

    def write(self, text):
        self._capture.append(text)
        return self._target.write(text)

    def __getattr__(self, name):  # flush, isatty, fileno, encoding... of the real stream
        return getattr(self._target, name)


class _Output:
    """What a trial printed: the part not yet shipped, and the last LOG_TAIL_CHARS."""

    def __init__(self):
        self._lock = threading.Lock()
        self._new = {"stdout": [], "stderr": []}
        self._tail = {"stdout": "", "stderr": ""}
        self._saved = None

    def start(self):
        self._saved = (sys.stdout, sys.stderr)
        sys.stdout = _Tee(sys.stdout, _Capture(self, "stdout"))
        sys.stderr = _Tee(sys.stderr, _Capture(self, "stderr"))

    def stop(self):
        if self._saved is not None:
            sys.stdout, sys.stderr = self._saved
            self._saved = None

    def add(self, stream, text):
        if not isinstance(text, str) or not text:
            return
        with self._lock:
            self._new[stream].append(text)
            self._tail[stream] = (self._tail[stream] + text)[-LOG_TAIL_CHARS:]
            if sum(map(len, self._new[stream])) > 4 * LOG_TAIL_CHARS:  # server away: keep it bounded
                self._new[stream] = [("".join(self._new[stream]))[-LOG_TAIL_CHARS:]]

    def take_new(self):
        with self._lock:
            out, err = "".join(self._new["stdout"]), "".join(self._new["stderr"])
            self._new = {"stdout": [], "stderr": []}
        return out, err

    def tails(self):
        with self._lock:
            return self._tail["stdout"], self._tail["stderr"]


class _Capture:
    def __init__(self, output, stream):
        self.output, self.stream = output, stream

    def append(self, text):
        self.output.add(self.stream, text)


def _with_retries(call, window=RETRY_WINDOW_SECONDS):
    """``call()``, asked again with backoff while the failure is transient, for up to ``window`` s."""
    deadline = time.monotonic() + window
    delay = 0.5
    while True:
        try:
            return call()
        except SweeplineError as error:
            if not error.transient or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 5.0)


def run_agent(sweep_id, function, count=None, server=None, token=None, agent_name=None):
    """The loop behind ``sweepline.agent``; returns the ids of the trials it ran."""
    if not callable(function):
        raise TypeError("agent() needs a function to call for each trial, got {!r}".format(function))
    if count is not None and (not isinstance(count, int) or count < 0):
        raise ValueError("count must be a non-negative integer or None, got {!r}".format(count))
    sweep_id = str(sweep_id).rstrip("/").split("/")[-1]  # W&B's "entity/project/id" works too
    client = Client(server, token)
    name = agent_name or "{}-py{}".format(socket.gethostname(), os.getpid())
    ran = []
    failures_in_row = 0
    claimed_once = False
    while count is None or len(ran) < count:
        ask = lambda: client.post("/sweeps/{}/claim".format(quote(sweep_id)),  # noqa: E731
                                  {"agent": name, "wait_seconds": CLAIM_WAIT_SECONDS},
                                  timeout=CLAIM_WAIT_SECONDS + 30)
        started = time.monotonic()
        # An unreachable server at the very start is a mistake to report now, not to wait out.
        reply = _with_retries(ask) if claimed_once else ask()
        claimed_once = True
        trial, state = reply.get("trial"), reply.get("sweep_state")
        if not trial:
            if state in _FINAL_STATES:
                _say("sweep {} is {}; agent done after {} trial(s)".format(sweep_id, state, len(ran)))
                break
            if time.monotonic() - started < 1.0:
                time.sleep(1.0)  # a server that answers at once must not turn this into a busy loop
            continue
        outcome = run_trial(client, trial, function)
        ran.append(trial["id"])
        failures_in_row = failures_in_row + 1 if outcome == "failed" else 0
        if failures_in_row >= MAX_FAILURES_IN_ROW:
            _say("{} trials failed in a row; stopping this agent (see the tracebacks above)".format(
                failures_in_row), problem=True)
            break
    return ran


def run_trial(client, trial, function):
    """Run ``function()`` as one claimed trial and report how it ended: "finished", "failed" or
    "stopped". KeyboardInterrupt is reported as stopped and raised again, ending the agent."""
    sweep_id, trial_id = trial.get("sweep_id"), trial["id"]
    params = trial.get("params") or {}
    _say("trial {} starting with {}".format(trial_id, params))
    sink = HttpSink(client, sweep_id, trial_id)
    run = Run(trial_id, sweep_id, Config(params), sink, "agent")
    output = _Output()
    heartbeat = _Heartbeat(sink, output, HEARTBEAT_SECONDS)
    exit_code, message, stopped, interrupted = 0, None, False, None
    set_agent_run(run)
    output.start()
    heartbeat.start()
    try:
        try:
            function()
            if sink.requested is not None:  # the function ended its run itself: its word counts
                exit_code, message, stopped = sink.requested
        except KeyboardInterrupt as error:
            interrupted = error
        except SystemExit as error:  # sys.exit() in a training script: its code is the trial's
            if error.code not in (None, 0):
                exit_code = error.code if isinstance(error.code, int) else 1
                message = None if isinstance(error.code, int) else str(error.code)
        except Exception as error:
            exit_code, message = 1, last_line(type(error), error)
            # To stderr, and through the capture into the trial's log; from the user's frame down.
            traceback.print_exception(type(error), error, error.__traceback__.tb_next)
    finally:
        heartbeat.stop()
        output.stop()
        set_agent_run(None)
        run._finished = True  # a thread the function left behind must not log into the next trial
    stdout_tail, stderr_tail = output.tails()
    if interrupted is not None:
        sink.report(1, "interrupted", True, stdout_tail, stderr_tail)
        raise interrupted
    outcome = sink.report(exit_code, message, stopped, stdout_tail, stderr_tail)
    _say("trial {} {}{}".format(trial_id, outcome, ": " + message if message else ""))
    return outcome
