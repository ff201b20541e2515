"""Sweepline's Python client: create sweeps and run their trials in-process, W&B style.

    import sweepline

    def train():
        run = sweepline.init()
        for epoch in range(10):
            loss = ...(run.config.lr)
            run.log({"epoch": epoch, "loss": loss})
            if run.should_stop:      # hyperband, or the sweep was stopped
                break

    sweep_id = sweepline.sweep({"method": "random", "metric": {"name": "loss"},
                                "parameters": {"lr": {"min": 0.001, "max": 0.1}}})
    sweepline.agent(sweep_id, function=train, count=10)

The same ``train`` works in three modes, chosen by ``init()``: inside ``agent()`` (the claimed
trial), as a program run by the Java agent (``$SWEEPLINE_TRIAL_ID`` and ``$SWEEPLINE_METRICS`` set)
and as a plain script (offline: the config you pass, rows printed as JSON lines).

Standard library only; Python 3.8+. The server is ``server=``, else ``$SWEEPLINE_SERVER``, else
http://localhost:8080; the token is ``token=``, else ``$SWEEPLINE_API_TOKEN``.
"""

import os

try:
    from collections.abc import Mapping
except ImportError:  # pragma: no cover
    from collections import Mapping

from . import _env, _run
from ._agent import _say, run_agent
from ._http import Client, SweeplineError, to_json
from ._run import Config, Run

__all__ = ["sweep", "agent", "init", "log", "finish", "Run", "Config", "SweeplineError"]
__version__ = "0.1.0"

_CONFIG_SUFFIXES = (".yaml", ".yml", ".json")


def sweep(config, server=None, token=None):
    """Create a sweep and return its id.

    ``config`` is a dict (sent as JSON), a YAML or JSON text (sent as YAML, which JSON is), or the
    path of a ``.yaml``/``.yml``/``.json`` file. An invalid config raises ``SweeplineError`` whose
    ``errors`` list every problem with its path (``parameters.lr.max``).
    """
    body, content_type = _config_body(config)
    client = Client(server, token)
    created = client.request("POST", "/sweeps", body.encode("utf-8"), content_type)
    for warning in created.get("warnings") or []:
        _say("warning: {}: {}".format(warning.get("path"), warning.get("message")))
    _say("created sweep {} on {}".format(created["id"], client.base))
    return created["id"]


def agent(sweep_id, function, count=None, server=None, token=None, agent_name=None):
    """Run trials of a sweep in this process, like ``wandb.agent(sweep_id, function=train, count=10)``.

    Claims one trial at a time and calls ``function()`` for it; inside, ``sweepline.init()`` returns
    the trial's run. A function that returns finishes its trial (``stopped`` when the server had
    asked it to stop); one that raises fails it, its traceback printed, and the agent goes on.
    Stops after ``count`` trials (``None``: until the sweep ends), when the sweep is finished or
    canceled, or after 5 failures in a row. Ctrl-C stops the trial and the agent.
    Returns the ids of the trials it ran.
    """
    return run_agent(sweep_id, function, count=count, server=server, token=token, agent_name=agent_name)


def init(config=None):
    """The current run: the trial being run by ``agent()``; else, under the Java agent, this
    process's trial; else an offline run. ``config`` gives defaults that the sweep's parameters
    override (offline, it is the whole config). Calling it again returns the same run.
    """
    run = _run.current()
    if run is None:
        run = _env.process_run(config) if _env.in_java_agent() else _run.offline_run(config)
        _run.set_current(run)
    elif config:
        # Defaults given on a later call (or inside agent()): added where the trial has no value.
        _run.add_defaults(run.config, config)
    return run


def log(data):
    """``run.log(data)`` on the current run (``sweepline.init()`` first, as with wandb.log)."""
    _require_run("log").log(data)


def finish(exit_code=0):
    """``run.finish(exit_code)`` on the current run; nothing when there is none."""
    run = _run.current()
    if run is not None:
        run.finish(exit_code)


def __getattr__(name):
    """``sweepline.run`` and ``sweepline.config``, as ``wandb.run``/``wandb.config``: the current
    run and its config, or None before ``init()`` (PEP 562, Python 3.7+)."""
    if name == "run":
        return _run.current()
    if name == "config":
        run = _run.current()
        return run.config if run is not None else None
    raise AttributeError("module 'sweepline' has no attribute {!r}".format(name))


def _require_run(what):
    run = _run.current()
    if run is None:
        raise SweeplineError("sweepline.{}() needs a run: call sweepline.init() first".format(what))
    return run


def _config_body(config):
    """The request body and its Content-Type for a config given as dict, text or file."""
    if isinstance(config, Mapping):
        return to_json(config.as_dict() if isinstance(config, Config) else dict(config)), "application/json"
    if isinstance(config, bytes):
        config = config.decode("utf-8")
    if isinstance(config, os.PathLike) or (isinstance(config, str) and _looks_like_path(config)):
        path = os.fspath(config)
        try:
            with open(path, encoding="utf-8") as file:
                text = file.read()
        except OSError as error:
            raise SweeplineError("cannot read the sweep config {}: {}".format(path, error.strerror or error))
        return text, "application/json" if path.lower().endswith(".json") else "application/yaml"
    if isinstance(config, str):
        if not config.strip():
            raise SweeplineError("the sweep config is empty")
        return config, "application/yaml"
    raise TypeError("sweep() takes a dict, YAML/JSON text or a file path, got {}".format(type(config).__name__))


def _looks_like_path(text):
    """A one-line string naming an existing file or ending in .yaml/.yml/.json; config text has
    newlines or braces instead."""
    if "\n" in text or text.lstrip().startswith("{"):
        return False
    return os.path.isfile(text) or text.strip().lower().endswith(_CONFIG_SUFFIXES)
