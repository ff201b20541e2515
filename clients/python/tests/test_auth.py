"""Bearer tokens: what the client sends (to a tiny recording server) and a real server with --tokens."""

import http.server
import json
import os
import threading
import unittest
from unittest import mock

from server_harness import ServerTestCase

import sweepline

TOKEN = "test-token-0123456789abcdef"


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Answers like a Sweepline server just enough, and records every request's headers."""

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8") if length else ""
        self.server.requests.append((self.path, dict(self.headers), body))
        if self.path == "/api/v1/sweeps":
            self.reply(201, {"id": "fake1", "state": "RUNNING", "warnings": []})
        elif self.path.endswith("/claim"):
            self.reply(200, {"trial": None, "sweep_state": "FINISHED"})
        else:
            self.reply(503, {"type": "urn:sweepline:problem:timeout", "title": "Service unavailable",
                             "status": 503, "detail": "try later", "errors": []}, "application/problem+json")

    def reply(self, status, payload, content_type="application/json"):
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):  # keep the test output clean
        pass


class TokenHeaderTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
        cls.httpd.requests = []
        cls.thread = threading.Thread(target=cls.httpd.serve_forever, daemon=True)
        cls.thread.start()
        cls.url = "http://127.0.0.1:{}".format(cls.httpd.server_address[1])
        cls.addClassCleanup(cls.thread.join, 10)
        cls.addClassCleanup(cls.httpd.server_close)
        cls.addClassCleanup(cls.httpd.shutdown)

    def setUp(self):
        self.httpd.requests.clear()

    def headers(self):
        return [headers for _, headers, _ in self.httpd.requests]

    def test_token_argument_is_sent_as_bearer(self):
        self.assertEqual(sweepline.sweep({"method": "grid"}, server=self.url, token=TOKEN), "fake1")
        (path, headers, body), = self.httpd.requests
        self.assertEqual(path, "/api/v1/sweeps")
        self.assertEqual(headers.get("Authorization"), "Bearer " + TOKEN)
        self.assertEqual(headers.get("Content-Type"), "application/json")
        self.assertEqual(json.loads(body), {"method": "grid"})

    def test_token_from_the_environment_on_every_agent_request(self):
        with mock.patch.dict(os.environ, {"SWEEPLINE_API_TOKEN": TOKEN}):
            sweepline.sweep("method: grid\n", server=self.url)
            self.assertEqual(sweepline.agent("fake1", lambda: None, server=self.url), [])
        self.assertEqual([p for p, _, _ in self.httpd.requests], ["/api/v1/sweeps", "/api/v1/sweeps/fake1/claim"])
        self.assertEqual([h.get("Authorization") for h in self.headers()], ["Bearer " + TOKEN] * 2)
        self.assertEqual(self.headers()[0].get("Content-Type"), "application/yaml")

    def test_no_header_without_a_token(self):
        with mock.patch.dict(os.environ, {"SWEEPLINE_API_TOKEN": ""}):
            sweepline.sweep({"method": "grid"}, server=self.url)
        self.assertNotIn("Authorization", self.headers()[0])

    def test_problem_details_of_other_errors(self):
        from sweepline._http import Client
        with self.assertRaises(sweepline.SweeplineError) as caught:
            Client(self.url).post("/sweeps/x/trials/t1/heartbeat")
        error = caught.exception
        self.assertEqual((error.status, error.title, error.detail), (503, "Service unavailable", "try later"))
        self.assertTrue(error.transient)


class RealServerTokenTest(ServerTestCase):
    """A server started with --tokens refuses requests without the token and serves the agent with it."""

    @classmethod
    def setUpClass(cls):
        if os.environ.get("SWEEPLINE_SERVER"):
            raise unittest.SkipTest("SWEEPLINE_SERVER is set: cannot start a server with --tokens")
        import tempfile
        handle, cls.tokens_file = tempfile.mkstemp(prefix="sweepline-tokens-")
        with os.fdopen(handle, "w") as f:
            f.write("# test tokens\n" + TOKEN + "\n")
        cls.addClassCleanup(os.remove, cls.tokens_file)
        cls.server_args = ("--tokens", cls.tokens_file)
        super().setUpClass()

    def test_without_the_token_401_with_it_a_whole_trial(self):
        with self.assertRaises(sweepline.SweeplineError) as caught:
            sweepline.sweep({"method": "grid", "parameters": {"a": {"value": 1}}}, server=self.url)
        self.assertEqual(caught.exception.status, 401)
        self.assertIn("SWEEPLINE_API_TOKEN", str(caught.exception))

        sweep_id = sweepline.sweep({"method": "grid", "parameters": {"a": {"values": [1, 2]}}},
                                   server=self.url, token=TOKEN)

        def train():
            with sweepline.init() as run:
                run.log({"a": run.config.a})

        with mock.patch.dict(os.environ, {"SWEEPLINE_API_TOKEN": TOKEN}):
            ran = sweepline.agent(sweep_id, train, server=self.url)
        self.assertEqual(ran, ["t1", "t2"])
        trials = self.server.get("/sweeps/{}/trials".format(sweep_id), token=TOKEN)["trials"]
        self.assertEqual([(t["state"], t["summary"].get("a")) for t in trials], [("FINISHED", 1), ("FINISHED", 2)])


if __name__ == "__main__":
    unittest.main()
