"""A real Sweepline server for a test class: started once in setUpClass, killed in teardown.

Which server (first that applies):
- ``SWEEPLINE_SERVER`` set: that running server is used; nothing is started.
- ``SWEEPLINE_TEST_SERVER_CMD``: the command to start one, e.g. ``"java -cp ... io.sweepline.cli.Main"``;
  ``server --port P --cluster-port C --data-dir D`` is appended unless it names ``{port}``,
  ``{cluster_port}`` and ``{data_dir}`` itself.
- ``SWEEPLINE_TEST_JAVA_CP``: ``java -cp $SWEEPLINE_TEST_JAVA_CP io.sweepline.cli.Main`` (a copy of
  the built CLI, while someone rebuilds the repository's).
- otherwise ``bin/sweepline`` of the repository these tests live in (what CI runs after building).

Each server gets free ports and a fresh data directory, runs in its own process group, and is
killed with that group (SIGTERM, then SIGKILL) when the class ends, or at exit if something went
wrong before the class could clean up.
"""

import atexit
import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
CLIENT_ROOT = os.path.dirname(HERE)                    # clients/python
REPO_ROOT = os.path.dirname(os.path.dirname(CLIENT_ROOT))  # clients/python/tests -> ../../..
if CLIENT_ROOT not in sys.path:
    sys.path.insert(0, CLIENT_ROOT)

# The agent's progress lines would drown unittest's output; tests that need them capture stderr.
os.environ.setdefault("SWEEPLINE_SILENT", "true")

START_DEADLINE_SECONDS = 90.0
_running = []  # every server started and not yet stopped, for the atexit safety net


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli_command():
    """The argv prefix that runs the Sweepline CLI, per the environment (see the module doc)."""
    cmd = os.environ.get("SWEEPLINE_TEST_SERVER_CMD")
    if cmd:
        return shlex.split(cmd)
    cp = os.environ.get("SWEEPLINE_TEST_JAVA_CP")
    if cp:
        return ["java", "-cp", cp, "io.sweepline.cli.Main"]
    return [os.path.join(REPO_ROOT, "bin", "sweepline")]


class Server:
    """One Sweepline server process (or an external one named by SWEEPLINE_SERVER)."""

    def __init__(self, extra_args=()):
        self.extra_args = list(extra_args)
        self.process = None
        self.data_dir = None
        self.url = None
        self.log_path = None

    @property
    def external(self):
        return self.process is None

    def start(self):
        external = os.environ.get("SWEEPLINE_SERVER")
        if external:
            self.url = external.rstrip("/")
            self._wait_healthy(time.monotonic() + 10, external=True)
            return self
        port, cluster_port = free_port(), free_port()
        self.data_dir = tempfile.mkdtemp(prefix="sweepline-pytest-")
        cmd = os.environ.get("SWEEPLINE_TEST_SERVER_CMD", "")
        values = {"port": port, "cluster_port": cluster_port, "data_dir": self.data_dir}
        if "{port}" in cmd:
            argv = [part.format(**values) for part in shlex.split(cmd)]
        else:
            argv = cli_command() + ["server", "--port", str(port), "--cluster-port", str(cluster_port),
                                    "--data-dir", self.data_dir]
        argv += self.extra_args
        self.url = "http://127.0.0.1:{}".format(port)
        self.log_path = os.path.join(self.data_dir, "server.log")
        with open(self.log_path, "wb") as log:
            # Own session = own process group: teardown kills the JVM and anything it started.
            self.process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                            start_new_session=True)
        _running.append(self)
        try:
            self._wait_healthy(time.monotonic() + START_DEADLINE_SECONDS)
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_healthy(self, deadline, external=False):
        last = None
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError("the Sweepline server exited with {} before it was healthy:\n{}".format(
                    self.process.returncode, self.log_tail()))
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError) as error:
                last = error
            time.sleep(0.2)
        where = "SWEEPLINE_SERVER=" + self.url if external else "the server started with its log:\n" + self.log_tail()
        raise RuntimeError("no healthy Sweepline server at {} ({}); {}".format(self.url, last, where))

    def log_tail(self, chars=4000):
        if not self.log_path or not os.path.exists(self.log_path):
            return ""
        with open(self.log_path, "rb") as log:
            return log.read().decode("utf-8", "replace")[-chars:]

    def stop(self):
        if self in _running:
            _running.remove(self)
        if self.process is not None and self.process.poll() is None:
            for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 10)):
                try:
                    os.killpg(self.process.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    self.process.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        if self.process is not None:
            # The JVM may leave children behind in the group (trials of an agent): end them too.
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        if self.data_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self.data_dir = None

    # -- small helpers for assertions -----------------------------------------------------------

    def get(self, path, token=None):
        request = urllib.request.Request(self.url + "/api/v1" + path)
        if token:
            request.add_header("Authorization", "Bearer " + token)
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read().decode("utf-8"))

    def trials(self, sweep_id):
        return self.get("/sweeps/{}/trials".format(sweep_id))["trials"]


@atexit.register
def _stop_all():
    for server in list(_running):
        server.stop()


class ServerTestCase(unittest.TestCase):
    """Base class: one real server for the whole class, as ``cls.server`` (its URL: ``cls.url``)."""

    server_args = ()

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = Server(cls.server_args)
        # Registered before start: a failing setUpClass skips tearDownClass but still runs this.
        cls.addClassCleanup(cls.server.stop)
        cls.server.start()
        cls.url = cls.server.url


def wait_until(condition, timeout, message, interval=0.05):
    """Polls ``condition()`` until it returns something truthy, which is returned; fails at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out after {} s waiting for {}".format(timeout, message))
        time.sleep(interval)
