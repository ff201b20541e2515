"""A run: one trial as the training code sees it (``run.config``, ``run.log``, ``run.should_stop``).

The same ``Run`` serves all three modes; only where its rows go differs, and that is a *sink*:
the HTTP sink of the in-process agent (``_agent.py``), the metrics file of a trial started by the
Java agent (``_env.py``) or stdout for a plain script (``StdoutSink`` below).
"""

import copy
import json
import sys
import threading
import traceback
import uuid

try:  # Python 3.3+; the plain import keeps linters on 3.8 quiet about the alias.
    from collections.abc import Mapping, MutableMapping
except ImportError:  # pragma: no cover
    from collections import Mapping, MutableMapping

from ._http import SweeplineError, to_json


class Config(MutableMapping):
    """A trial's parameters, read as attributes or items: ``config.lr``, ``config["lr"]``,
    ``config.get("lr", 0.1)``; nested parameter blocks nest: ``config.model.width``.

    A nested block is a view of the same data, so ``config.model.width = 8`` changes the run's
    config. Names that are not identifiers, start with ``_`` or clash with a mapping method
    (``items``, ``keys``, ``get``, ``update``...) are read with ``config["name"]``.
    """

    __slots__ = ("_data",)

    def __init__(self, data=None):
        object.__setattr__(self, "_data", {} if data is None else data)

    def __getattr__(self, name):
        # Only reached when normal lookup failed. Private and dunder names are never parameters,
        # which keeps copy/pickle (they probe __deepcopy__, __setstate__...) working.
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError:
            raise AttributeError("config has no parameter {!r} (it has: {})".format(
                name, ", ".join(sorted(map(str, self._data))) or "none")) from None

    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError("config parameters starting with '_' are set with config[{!r}]".format(name))
        self._data[name] = value

    def __delattr__(self, name):
        try:
            del self._data[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, key):
        value = self._data[key]
        return Config(value) if isinstance(value, dict) else value

    def __setitem__(self, key, value):
        self._data[key] = value.as_dict() if isinstance(value, Config) else value

    def __delitem__(self, key):
        del self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __dir__(self):
        # Tab completion in notebooks offers the parameters too.
        return sorted(set(dir(type(self))) | {k for k in self._data if isinstance(k, str) and k.isidentifier()})

    def __repr__(self):
        return "Config({!r})".format(self._data)

    def __reduce__(self):
        # copy, deepcopy and pickle rebuild it from its data (__setattr__ refuses "_data").
        return (Config, (self._data,))

    def update(self, other=(), allow_val_change=None, **kwargs):
        """Like ``dict.update``; ``allow_val_change`` is accepted for W&B compatibility and ignored."""
        if isinstance(other, Config):
            other = other.as_dict()
        for key, value in dict(other, **kwargs).items():
            self[key] = value

    def as_dict(self):
        """A deep copy as plain dicts, e.g. to save next to a checkpoint."""
        return copy.deepcopy(self._data)


def merged(defaults, params):
    """W&B's ``init(config=defaults)`` under a sweep: the defaults, with the trial's parameters
    winning; nested blocks are merged key by key. Defaults may be a dict, a Config or an
    ``argparse.Namespace`` (as W&B accepts)."""
    result = copy.deepcopy(_plain(defaults))
    for key, value in _plain(params).items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def add_defaults(config, defaults):
    """Fill a run's config with defaults where it has no value, in place."""
    combined = merged(defaults, config.as_dict())
    config._data.clear()
    config._data.update(combined)


def _plain(value):
    if not value:
        return {}
    if isinstance(value, Config):
        return value.as_dict()
    if isinstance(value, Mapping):
        return dict(value)
    if hasattr(value, "__dict__"):  # argparse.Namespace and plain objects
        return dict(vars(value))
    raise TypeError("config must be a dict, got {}".format(type(value).__name__))


class StdoutSink:
    """Where an offline run's rows go: one JSON line each on stdout, so a plain script shows them."""

    should_stop = False
    stop_reason = None

    def write(self, row, line):
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    def finish(self, exit_code, message=None, stopped=False):
        sys.stdout.flush()


class Run:
    """One trial from inside the training code. Get it from ``sweepline.init()``.

    Attributes:
        id:       the trial id (``t3``); ``offline-...`` for a plain script.
        sweep_id: the sweep's id; ``None`` offline.
        config:   the parameters, as a ``Config``.
        summary:  the last value logged for every key (W&B's summary semantics).
        mode:     ``"agent"`` (in-process agent), ``"process"`` (started by the Java agent) or
                  ``"offline"``.
    """

    def __init__(self, run_id, sweep_id, config, sink, mode, first_step=0):
        self.id = run_id
        self.sweep_id = sweep_id
        self.config = config if isinstance(config, Config) else Config(config)
        self.summary = {}
        self.mode = mode
        self._sink = sink
        self._step = first_step
        self._lock = threading.Lock()
        self._finished = False

    @property
    def name(self):
        return self.id

    @property
    def step(self):
        """The ``_step`` the next ``log()`` will carry."""
        return self._step

    @property
    def should_stop(self):
        """True once the server asked this trial to stop (hyperband, stop/cancel of the sweep, trial
        timeout). Check it in the training loop and return. Under the Java agent it stays False:
        that agent stops the process itself with SIGTERM."""
        return bool(self._sink.should_stop)

    @property
    def stop_reason(self):
        """Why the server asked to stop, when it said; else ``None``."""
        return self._sink.stop_reason

    @property
    def finished(self):
        return self._finished

    def log(self, data):
        """Record one row of metrics, e.g. ``run.log({"epoch": 3, "val_loss": 0.41})``.

        The row gets ``_step`` (0, 1, 2... per trial), which makes a resent row harmless.
        NaN and Infinity are allowed. Returns nothing; check ``should_stop`` afterwards.
        """
        if not isinstance(data, Mapping):
            raise TypeError("log() takes a dict such as {{'loss': 0.4}}, got {}".format(type(data).__name__))
        for key in data:
            if not isinstance(key, str):
                raise TypeError("log() keys must be strings, got {!r}".format(key))
        with self._lock:
            if self._finished:
                raise SweeplineError("run {} is finished; log() belongs before finish()".format(self.id))
            row = dict(data)
            row["_step"] = self._step
            line = to_json(row)  # fails here, in the caller, for values that are not JSON
            self._sink.write(row, line)
            self._step += 1
            self.summary.update(json.loads(line))

    def finish(self, exit_code=0):
        """End the run; calling it again does nothing, and ``log()`` afterwards is an error.
        In the in-process agent, the trial is reported when the function returns: with this
        exit code (``stopped`` if the server had asked it to stop), unless the function raises."""
        self._finish(exit_code)

    def _finish(self, exit_code, message=None, stopped=False):
        with self._lock:
            if self._finished:
                return
            self._finished = True
        try:
            self._sink.finish(exit_code, message, stopped)
        finally:
            _forget(self)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self._finish(0)
        elif issubclass(exc_type, KeyboardInterrupt):
            self._finish(1, "interrupted", stopped=True)
        else:
            self._finish(1, last_line(exc_type, exc))
        return False

    def __repr__(self):
        return "Run(id={!r}, sweep_id={!r}, mode={!r}, config={!r})".format(
            self.id, self.sweep_id, self.mode, self.config)


def last_line(exc_type, exc):
    """``ValueError: boom``: the last line of a traceback, the message a failed trial keeps."""
    return traceback.format_exception_only(exc_type, exc)[-1].strip()


def offline_run(config=None):
    """A run for a plain script: the given config, rows printed to stdout."""
    return Run("offline-" + uuid.uuid4().hex[:8], None, Config(merged(config, None)), StdoutSink(), "offline")


# ---- the current run ---------------------------------------------------------------------------
# One per process, like wandb.run: the agent runs one trial at a time, and the training code may log
# from any of its threads, so a thread-local would be wrong.

_current = None
_agent_run = None  # the in-process agent's trial while its function runs, even once finished
_current_lock = threading.Lock()


def current():
    """The run that init()/log()/finish() act on, or None."""
    run = _current
    return run if run is not None else _agent_run


def set_current(run):
    global _current
    with _current_lock:
        _current = run


def set_agent_run(run):
    """Called by the agent around each trial (None afterwards)."""
    global _current, _agent_run
    with _current_lock:
        _agent_run = run
        _current = run


def _forget(run):
    """A finished run stops being current (a later init() in a plain script starts a new one)."""
    global _current
    with _current_lock:
        if _current is run:
            _current = None
