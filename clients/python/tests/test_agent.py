"""sweepline.agent(): trials claimed over HTTP and run in-process, against a real server."""

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.request

from server_harness import CLIENT_ROOT, HERE, ServerTestCase, cli_command, wait_until

import sweepline
from sweepline import _agent


class AgentTest(ServerTestCase):

    def test_wandb_walkthrough(self):
        # https://docs.wandb.ai/guides/sweeps/walkthrough, with "wandb" replaced by "sweepline".
        def objective(config):
            score = config.x ** 3 + config.y
            return score

        def main():
            sweepline.init()
            score = objective(sweepline.config)
            sweepline.log({"score": score})

        sweep_configuration = {
            "method": "random",
            "metric": {"goal": "minimize", "name": "score"},
            "parameters": {
                "x": {"max": 0.1, "min": 0.01},
                "y": {"values": [1, 3, 7]},
            },
        }
        sweep_id = sweepline.sweep(sweep_configuration, server=self.url)
        ran = sweepline.agent(sweep_id, function=main, count=10, server=self.url)

        self.assertEqual(len(ran), 10)
        trials = self.server.trials(sweep_id)
        self.assertEqual(sorted(t["id"] for t in trials), sorted(ran))
        for trial in trials:
            self.assertEqual(trial["state"], "FINISHED", trial)
            self.assertEqual(trial["exit_code"], 0)
            x, y = trial["params"]["x"], trial["params"]["y"]
            self.assertTrue(0.01 <= x <= 0.1 and y in (1, 3, 7), trial["params"])
            self.assertAlmostEqual(trial["summary"]["score"], x ** 3 + y, places=12)
            self.assertEqual(trial["summary"]["_step"], 0)
        best = self.server.get("/sweeps/" + sweep_id)["best"]
        lowest = min(trials, key=lambda t: t["summary"]["score"])
        self.assertEqual(best["trial_id"], lowest["id"])
        self.assertAlmostEqual(best["value"], lowest["summary"]["score"], places=12)
        self.assertIsNone(sweepline.run, "no run stays current after the agent")

    def test_a_function_that_raises_fails_its_trial_and_the_agent_goes_on(self):
        sweep_id = sweepline.sweep({"method": "grid", "parameters": {"n": {"values": [1, 2, 3]}}}, server=self.url)

        def train():
            run = sweepline.init()
            print("working on", run.config.n)
            if run.config.n == 2:
                raise ValueError("n=2 is cursed")
            run.log({"n_squared": run.config.n ** 2})

        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(stdout):
            ran = sweepline.agent(sweep_id, train, server=self.url)

        self.assertEqual(ran, ["t1", "t2", "t3"])  # grid exhausted: the agent ends by itself
        states = {t["params"]["n"]: (t["state"], t["exit_code"]) for t in self.server.trials(sweep_id)}
        self.assertEqual(states, {1: ("FINISHED", 0), 2: ("FAILED", 1), 3: ("FINISHED", 0)})
        self.assertIn("Traceback (most recent call last)", stderr.getvalue())
        self.assertIn("ValueError: n=2 is cursed", stderr.getvalue())
        self.assertEqual(stdout.getvalue(), "working on 1\nworking on 2\nworking on 3\n")  # still printed
        self.assertEqual(self.server.get("/sweeps/" + sweep_id)["state"], "FINISHED")
        # The output went to the server too: the traceback in stderr, the print in stdout.
        logs = self.server.get("/sweeps/{}/trials/t2/logs".format(sweep_id))
        self.assertIn("ValueError: n=2 is cursed", logs["stderr"])
        self.assertIn("working on 2", logs["stdout"])

    def test_sys_exit_codes_count_and_five_failures_in_a_row_stop_the_agent(self):
        sweep_id = sweepline.sweep({"method": "grid", "parameters": {"n": {"values": list(range(8))}}},
                                   server=self.url)
        calls = []

        def train():
            calls.append(sweepline.init().config.n)
            sys.exit(3)

        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            ran = sweepline.agent(sweep_id, train, server=self.url)
        self.assertEqual(len(ran), _agent.MAX_FAILURES_IN_ROW)
        self.assertEqual(calls, list(range(_agent.MAX_FAILURES_IN_ROW)))
        self.assertEqual({(t["state"], t["exit_code"]) for t in self.server.trials(sweep_id)}, {("FAILED", 3)})
        self.assertIn("5 trials failed in a row", stderr.getvalue())  # said even with SWEEPLINE_SILENT

    def test_should_stop_turns_true_when_hyperband_stops_a_trial(self):
        sweep_id = sweepline.sweep({
            "method": "grid",
            "metric": {"name": "loss", "goal": "minimize"},
            "parameters": {"x": {"values": [1, 2, 3]}},
            "early_terminate": {"type": "hyperband", "min_iter": 1, "eta": 2},
        }, server=self.url)
        rows, stopped_seen = {}, {}

        def train():
            run = sweepline.init()
            for epoch in range(1, 51):
                run.log({"epoch": epoch, "loss": run.config.x + 1.0 / epoch})
                rows[run.config.x] = epoch
                if run.should_stop:
                    stopped_seen[run.config.x] = run.stop_reason
                    break
                time.sleep(0.005)

        sweepline.agent(sweep_id, train, server=self.url)

        by_x = {t["params"]["x"]: t for t in self.server.trials(sweep_id)}
        self.assertEqual(by_x[3]["state"], "STOPPED", by_x[3])
        self.assertLess(rows[3], 50)
        self.assertIn(3, stopped_seen)
        self.assertIn("hyperband", stopped_seen[3] or "")
        self.assertEqual(len(self.server.get("/sweeps/{}/trials/{}/metrics".format(sweep_id, by_x[3]["id"]))["metrics"]),
                         rows[3])
        self.assertEqual(by_x[1]["state"], "FINISHED")
        self.assertEqual(rows[1], 50)

    def test_heartbeats_keep_the_trial_alive_and_carry_the_cancel(self):
        # A function that never logs hears about the cancel only through the heartbeat thread.
        sweep_id = sweepline.sweep({"method": "grid", "parameters": {"a": {"values": [1, 2]}}}, server=self.url)
        original, _agent.HEARTBEAT_SECONDS = _agent.HEARTBEAT_SECONDS, 0.2
        self.addCleanup(setattr, _agent, "HEARTBEAT_SECONDS", original)
        started = threading.Event()
        outcome = {}

        def train():
            run = sweepline.init()
            started.set()
            outcome["stopped"] = wait_until(lambda: run.should_stop, 30, "the cancel to reach should_stop")
            outcome["reason"] = run.stop_reason

        def cancel_once_running():
            if started.wait(30):
                urllib.request.urlopen(urllib.request.Request(
                    "{}/api/v1/sweeps/{}/cancel".format(self.url, sweep_id), data=b"", method="POST"), timeout=30).close()

        canceller = threading.Thread(target=cancel_once_running)
        canceller.start()
        ran = sweepline.agent(sweep_id, train, server=self.url)
        canceller.join(30)

        self.assertEqual(ran, ["t1"])  # then CANCELED: no second trial
        self.assertTrue(outcome.get("stopped"))
        trial = self.server.trials(sweep_id)[0]
        self.assertEqual(trial["state"], "STOPPED")
        self.assertEqual(self.server.get("/sweeps/" + sweep_id)["state"], "CANCELED")

    def test_count_nested_config_defaults_and_module_level_calls(self):
        sweep_id = sweepline.sweep({
            "method": "grid",
            "parameters": {"model": {"parameters": {"width": {"values": [8, 16]}, "act": {"value": "relu"}}},
                           "lr": {"value": 0.1}},
        }, server=self.url)
        seen = []

        def train():
            run = sweepline.init(config={"lr": 0.5, "epochs": 2, "model": {"depth": 3}})
            self.assertIs(sweepline.init(), run)
            self.assertEqual(run.mode, "agent")
            self.assertEqual(run.sweep_id, sweep_id)
            seen.append((run.id, run.config.model.width, run.config["model"]["act"], run.config.model.depth,
                         run.config.lr, run.config.get("epochs"), run.config.get("missing", "dflt")))
            for epoch in range(run.config.epochs):
                sweepline.log({"epoch": epoch, "width": run.config.model.width})
            self.assertEqual(run.summary, {"epoch": 1, "width": run.config.model.width, "_step": 1})
            sweepline.finish()
            with self.assertRaises(sweepline.SweeplineError):
                run.log({"late": 1})

        ran = sweepline.agent(sweep_id, train, count=1, server=self.url, agent_name="nested-test")
        self.assertEqual(ran, ["t1"])
        self.assertEqual(seen, [("t1", 8, "relu", 3, 0.1, 2, "dflt")])
        trials = self.server.trials(sweep_id)
        self.assertEqual(len(trials), 1)  # count=1: the second grid point was never claimed
        self.assertEqual(trials[0]["state"], "FINISHED")
        self.assertEqual(trials[0]["agent"], "nested-test")
        self.assertEqual(trials[0]["summary"], {"epoch": 1, "width": 8, "_step": 1})

    def test_java_agent_runs_the_same_training_script(self):
        # The other side of "one script, every mode": the real Java agent (over HTTP) runs
        # train_script.py as a process, which reads $SWEEPLINE_CONFIG and appends to $SWEEPLINE_METRICS.
        if not os.path.exists(cli_command()[0]) and cli_command()[0] != "java":
            self.skipTest("no Sweepline CLI to run an agent with: " + cli_command()[0])
        work = tempfile.mkdtemp(prefix="sweepline-pyagent-")
        self.addCleanup(shutil.rmtree, work, True)
        shutil.copy(os.path.join(HERE, "train_script.py"), work)
        config = ("program: train_script.py\nmethod: random\nmetric: {name: score, goal: minimize}\n"
                  "parameters:\n  x: {min: 0.01, max: 0.1}\n  y: {values: [1, 3, 7]}\n"
                  "command: [\"" + sys.executable + "\", \"${program}\"]\n")
        sweep_id = sweepline.sweep(config, server=self.url)
        env = dict(os.environ, SWEEPLINE_WORK_DIR=os.path.join(work, "trials"),
                   PYTHONPATH=CLIENT_ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
        for name in ("SWEEPLINE_TRIAL_ID", "SWEEPLINE_METRICS", "SWEEPLINE_CONFIG"):
            env.pop(name, None)
        agent = subprocess.Popen(cli_command() + ["agent", sweep_id, "--server", self.url, "--via", "http",
                                                  "--count", "2"],
                                 cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 start_new_session=True)
        try:
            output, _ = agent.communicate(timeout=90)
        finally:
            if agent.poll() is None:
                os.killpg(agent.pid, 9)
                agent.wait()
        self.assertEqual(agent.returncode, 0, output.decode("utf-8", "replace"))
        trials = self.server.trials(sweep_id)
        self.assertEqual(len(trials), 2)
        for trial in trials:
            self.assertEqual(trial["state"], "FINISHED", trial)
            x, y = trial["params"]["x"], trial["params"]["y"]
            self.assertEqual(trial["summary"]["epoch"], 3)  # the script's default epochs
            self.assertAlmostEqual(trial["summary"]["score"], x ** 3 + y, places=12)
            self.assertEqual(trial["summary"]["_step"], 2)
            logs = self.server.get("/sweeps/{}/trials/{}/logs".format(sweep_id, trial["id"]))
            self.assertIn("trained {} in mode process".format(trial["id"]), logs["stdout"])


if __name__ == "__main__":
    unittest.main()
