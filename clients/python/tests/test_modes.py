"""init() outside the in-process agent: Java-agent mode, offline mode, and the Config/Run API.
No server is needed here."""

import copy
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from unittest import mock

from server_harness import CLIENT_ROOT, HERE

import sweepline
from sweepline import _run

SCRIPT = os.path.join(HERE, "train_script.py")
TRIAL_ENV = ("SWEEPLINE_TRIAL_ID", "SWEEPLINE_METRICS", "SWEEPLINE_CONFIG", "SWEEPLINE_SWEEP_ID")


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in TRIAL_ENV}
    env.update(extra)
    return env


class ModeTestCase(unittest.TestCase):

    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="sweepline-modes-")
        self.addCleanup(shutil.rmtree, self.folder, True)
        # Each test starts without a current run, and leaves none behind.
        _run.set_current(None)
        self.addCleanup(_run.set_current, None)

    def path(self, name):
        return os.path.join(self.folder, name)

    def run_script(self, env, code=None):
        argv = [sys.executable, SCRIPT] if code is None else [sys.executable, "-c", code]
        done = subprocess.run(argv, env=env, cwd=self.folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=60)
        self.assertEqual(done.returncode, 0, done.stderr.decode())
        return done.stdout.decode()


class JavaAgentModeTest(ModeTestCase):

    def trial_env(self, params, trial_id="t7"):
        with open(self.path("config.json"), "w") as f:
            json.dump(params, f)
        return {"SWEEPLINE_TRIAL_ID": trial_id, "SWEEPLINE_SWEEP_ID": "sw1",
                "SWEEPLINE_CONFIG": self.path("config.json"), "SWEEPLINE_METRICS": self.path("metrics.jsonl")}

    def metrics_rows(self):
        with open(self.path("metrics.jsonl")) as f:
            text = f.read()
        self.assertTrue(text.endswith("\n"))
        return [json.loads(line) for line in text.splitlines()]

    def test_the_training_script_reads_params_and_appends_json_lines(self):
        stdout = self.run_script(clean_env(**self.trial_env({"x": 0.1, "y": 7, "epochs": 2})))
        rows = self.metrics_rows()
        self.assertEqual(rows, [{"epoch": 1, "score": 0.1 ** 3 + 7, "_step": 0},
                                {"epoch": 2, "score": 0.1 ** 3 + 7, "_step": 1}])
        self.assertIn("trained t7 in mode process", stdout)
        self.assertNotIn('"score"', stdout)  # rows go to the file, not stdout

    def test_in_process_with_patched_environment(self):
        env = self.trial_env({"lr": 0.01, "model": {"width": 32}})
        with mock.patch.dict(os.environ, env):
            run = sweepline.init(config={"lr": 1.0, "batch": 64})
            self.assertEqual(run.mode, "process")
            self.assertEqual((run.id, run.sweep_id), ("t7", "sw1"))
            self.assertEqual(run.config.lr, 0.01)         # the trial's value beats the default
            self.assertEqual(run.config.batch, 64)        # a default the sweep does not set
            self.assertEqual(run.config.model.width, 32)
            self.assertIs(sweepline.init(), run)
            sweepline.log({"loss": float("nan"), "acc": float("inf")})
            # Each row is on disk at once: the agent tails the file while the process runs.
            self.assertEqual(len(self.metrics_rows()), 1)
            self.assertFalse(run.should_stop)
            run.log({"loss": 0.5})
            sweepline.finish()
            sweepline.finish()  # idempotent
        with open(self.path("metrics.jsonl")) as f:
            lines = f.read().splitlines()
        self.assertEqual(lines[0], '{"loss": NaN, "acc": Infinity, "_step": 0}')
        self.assertEqual(json.loads(lines[1]), {"loss": 0.5, "_step": 1})
        self.assertEqual(run.summary, {"loss": 0.5, "acc": math.inf, "_step": 1})

    def test_a_second_run_in_the_same_process_goes_on_counting_steps(self):
        env = self.trial_env({"a": 1})
        with open(self.path("metrics.jsonl"), "w") as f:
            f.write('{"from": "shell"}\n{"unterminated": 1}')  # e.g. an echo before python started
        with mock.patch.dict(os.environ, env):
            with sweepline.init() as run:
                run.log({"v": 1})
            with sweepline.init() as again:
                self.assertIsNot(again, run)
                again.log({"v": 2})
        self.assertEqual([row.get("_step") for row in self.metrics_rows()], [None, None, 2, 3])

    def test_unreadable_config_is_a_clear_error(self):
        env = self.trial_env({})
        env["SWEEPLINE_CONFIG"] = self.path("missing.json")
        with mock.patch.dict(os.environ, env):
            with self.assertRaises(sweepline.SweeplineError) as caught:
                sweepline.init()
        self.assertIn("missing.json", str(caught.exception))


class OfflineModeTest(ModeTestCase):

    def test_the_training_script_prints_json_lines(self):
        stdout = self.run_script(clean_env())
        rows = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
        expected = 0.05 ** 3 + 1  # the script's defaults
        self.assertEqual(rows, [{"epoch": e, "score": expected, "_step": e - 1} for e in (1, 2, 3)])
        self.assertIn("in mode offline", stdout)

    def test_offline_run_api(self):
        with mock.patch.dict(os.environ, clean_env(), clear=True):
            run = sweepline.init(config={"lr": 0.1, "model": {"width": 4}})
        self.assertEqual(run.mode, "offline")
        self.assertTrue(run.id.startswith("offline-"))
        self.assertIsNone(run.sweep_id)
        self.assertIs(sweepline.run, run)
        self.assertIs(sweepline.config, run.config)
        self.assertFalse(run.should_stop)
        with mock.patch("sys.stdout") as stdout:
            run.log({"loss": 1.5})
            run.log({"loss": 1.25, "epoch": 2})
        printed = "".join(call.args[0] for call in stdout.write.call_args_list)
        self.assertEqual([json.loads(l) for l in printed.splitlines()],
                         [{"loss": 1.5, "_step": 0}, {"loss": 1.25, "epoch": 2, "_step": 1}])
        self.assertEqual(run.summary, {"loss": 1.25, "epoch": 2, "_step": 1})
        run.finish()
        self.assertIsNone(sweepline.run)
        with self.assertRaises(sweepline.SweeplineError):
            run.log({"loss": 1.0})
        with self.assertRaises(sweepline.SweeplineError):
            sweepline.log({"loss": 1.0})  # no current run: init() first

    def test_log_rejects_what_is_not_a_row(self):
        with mock.patch.dict(os.environ, clean_env(), clear=True), mock.patch("sys.stdout"):
            with sweepline.init() as run:
                with self.assertRaises(TypeError):
                    run.log([1, 2])
                with self.assertRaises(TypeError):
                    run.log({1: 2})
                with self.assertRaises(TypeError):
                    run.log({"obj": object()})
                self.assertEqual(run.step, 0)  # nothing half-logged
                run.log({"ok": 1})
                self.assertEqual(run.step, 1)

    def test_context_manager_finishes_even_on_error(self):
        with mock.patch.dict(os.environ, clean_env(), clear=True):
            with self.assertRaises(RuntimeError):
                with sweepline.init() as run:
                    raise RuntimeError("x")
        self.assertTrue(run.finished)
        self.assertIsNone(sweepline.run)


class ConfigTest(unittest.TestCase):

    def test_attribute_item_and_nested_access(self):
        config = sweepline.Config({"lr": 0.1, "model": {"width": 8, "act": "relu"}, "items": 3, "with-dash": 1})
        self.assertEqual(config.lr, 0.1)
        self.assertEqual(config["lr"], 0.1)
        self.assertEqual(config.model.width, 8)
        self.assertEqual(config["model"]["act"], "relu")
        self.assertEqual(config.get("lr"), 0.1)
        self.assertEqual(config.get("nope", 7), 7)
        self.assertEqual(config["items"], 3)          # a name that is also a method: item access
        self.assertEqual(config["with-dash"], 1)
        self.assertIn("lr", config)
        self.assertEqual(len(config), 4)
        self.assertEqual(config, {"lr": 0.1, "model": {"width": 8, "act": "relu"}, "items": 3, "with-dash": 1})
        self.assertEqual(dict(config.model), {"width": 8, "act": "relu"})
        with self.assertRaises(AttributeError) as caught:
            config.momentum
        self.assertIn("momentum", str(caught.exception))
        self.assertIn("lr", str(caught.exception))
        self.assertFalse(hasattr(config, "momentum"))
        self.assertEqual(getattr(config, "momentum", 0.9), 0.9)
        with self.assertRaises(KeyError):
            config["momentum"]

    def test_changes_and_copies(self):
        config = sweepline.Config({"model": {"width": 8}})
        config.model.width = 16
        config["epochs"] = 3
        config.update({"lr": 0.2}, allow_val_change=True)
        self.assertEqual(config.as_dict(), {"model": {"width": 16}, "epochs": 3, "lr": 0.2})
        clone = copy.deepcopy(config)
        clone.lr = 1.0
        self.assertEqual(config.lr, 0.2)
        self.assertIn("epochs", dir(config))

    def test_defaults_merge_like_wandb(self):
        import argparse
        merged = _run.merged(argparse.Namespace(lr=1.0, epochs=5, model={"width": 4, "depth": 2}),
                             {"lr": 0.01, "model": {"width": 64}})
        self.assertEqual(merged, {"lr": 0.01, "epochs": 5, "model": {"width": 64, "depth": 2}})


class PackagingTest(unittest.TestCase):

    def test_importable_from_the_source_folder_without_install(self):
        out = subprocess.run([sys.executable, "-c", "import sweepline, sys; print(sweepline.__file__)"],
                             cwd=CLIENT_ROOT, stdout=subprocess.PIPE, timeout=60, check=True).stdout.decode()
        self.assertTrue(out.strip().startswith(os.path.join(CLIENT_ROOT, "sweepline")), out)


if __name__ == "__main__":
    unittest.main()
