"""sweepline.sweep(): creating sweeps from dicts, YAML text and files, and the errors."""

import os
import shutil
import tempfile
import unittest

from server_harness import ServerTestCase, free_port

import sweepline

WALKTHROUGH = {
    "method": "random",
    "metric": {"goal": "minimize", "name": "score"},
    "parameters": {"x": {"max": 0.1, "min": 0.01}, "y": {"values": [1, 3, 7]}},
}

WALKTHROUGH_YAML = """\
method: random
metric:
  goal: minimize
  name: score
parameters:
  x: {max: 0.1, min: 0.01}
  y:
    values: [1, 3, 7]
"""


class SweepTest(ServerTestCase):

    def test_dict_config_returns_an_id_that_get_shows(self):
        sweep_id = sweepline.sweep(WALKTHROUGH, server=self.url)
        shown = self.server.get("/sweeps/" + sweep_id)
        self.assertEqual(shown["id"], sweep_id)
        self.assertEqual(shown["state"], "RUNNING")
        self.assertEqual(shown["method"], "random")
        self.assertEqual(shown["metric"], "score")
        self.assertIsNone(shown["best"])

    def test_yaml_text_and_files(self):
        from_text = sweepline.sweep(WALKTHROUGH_YAML, server=self.url)
        self.assertEqual(self.server.get("/sweeps/" + from_text)["config"], WALKTHROUGH_YAML)
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        yaml_path = os.path.join(folder, "sweep.yaml")
        json_path = os.path.join(folder, "sweep.json")
        with open(yaml_path, "w") as f:
            f.write(WALKTHROUGH_YAML)
        with open(json_path, "w") as f:
            f.write('{"method": "grid", "parameters": {"a": {"values": [1, 2]}}}')
        from_yaml = sweepline.sweep(yaml_path, server=self.url)
        self.assertEqual(self.server.get("/sweeps/" + from_yaml)["method"], "random")
        import pathlib
        from_json = sweepline.sweep(pathlib.Path(json_path), server=self.url)
        self.assertEqual(self.server.get("/sweeps/" + from_json)["method"], "grid")
        self.assertEqual(len({from_text, from_yaml, from_json}), 3)

    def test_server_from_environment(self):
        previous = os.environ.get("SWEEPLINE_SERVER")
        os.environ["SWEEPLINE_SERVER"] = self.url + "/"
        try:
            sweep_id = sweepline.sweep(WALKTHROUGH)
        finally:
            if previous is None:
                del os.environ["SWEEPLINE_SERVER"]
            else:
                os.environ["SWEEPLINE_SERVER"] = previous
        self.assertEqual(self.server.get("/sweeps/" + sweep_id)["id"], sweep_id)

    def test_invalid_config_lists_every_problem_with_its_path(self):
        config = {"method": "random", "metric": {"name": "loss"},
                  "parameters": {"lr": {"min": 0.5, "max": 0.1}, "layers": {"values": []}}}
        with self.assertRaises(sweepline.SweeplineError) as caught:
            sweepline.sweep(config, server=self.url)
        error = caught.exception
        self.assertEqual(error.status, 422)
        self.assertEqual(error.title, "Invalid sweep config")
        paths = [e["path"] for e in error.errors]
        self.assertIn("parameters.lr.max", paths)
        self.assertIn("parameters.layers", " ".join(paths))
        self.assertIn("parameters.lr.max: must be greater than min", str(error))

    def test_invalid_yaml_text_is_a_sweepline_error(self):
        with self.assertRaises(sweepline.SweeplineError) as caught:
            sweepline.sweep("method: [unclosed\n", server=self.url)
        self.assertIn(caught.exception.status, (400, 422))

    def test_missing_file_and_wrong_type(self):
        with self.assertRaises(sweepline.SweeplineError) as caught:
            sweepline.sweep("/nonexistent/sweep.yaml", server=self.url)
        self.assertIn("/nonexistent/sweep.yaml", str(caught.exception))
        with self.assertRaises(TypeError):
            sweepline.sweep(42, server=self.url)

    def test_agent_on_an_unknown_sweep_raises_not_found(self):
        with self.assertRaises(sweepline.SweeplineError) as caught:
            sweepline.agent("nosuchsweep", lambda: None, count=1, server=self.url)
        self.assertEqual(caught.exception.status, 404)
        self.assertIn("nosuchsweep", str(caught.exception))


class UnreachableServerTest(unittest.TestCase):

    def test_clear_message_when_nothing_listens(self):
        url = "http://127.0.0.1:{}".format(free_port())  # bound and released: nothing listens
        with self.assertRaises(sweepline.SweeplineError) as caught:
            sweepline.sweep(WALKTHROUGH, server=url)
        self.assertIsNone(caught.exception.status)
        self.assertIn("cannot reach the Sweepline server at " + url, str(caught.exception))
        with self.assertRaises(sweepline.SweeplineError):
            sweepline.agent("abc", lambda: None, server=url)


if __name__ == "__main__":
    unittest.main()
