"""One training script for all three modes of ``sweepline.init()``, used by the tests:

- ``python3 train_script.py``                  offline: the defaults below, rows printed as JSON lines
- run by the Java agent (``command: [python3, "${program}"]``): parameters from $SWEEPLINE_CONFIG,
  rows appended to $SWEEPLINE_METRICS
- ``sweepline.agent(sweep_id, function=train_script.train)``: the claimed trial, over HTTP

The objective is the W&B walkthrough's: score = x**3 + y, once per epoch.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # no install needed

import sweepline  # noqa: E402

DEFAULTS = {"x": 0.05, "y": 1, "epochs": 3}


def train():
    with sweepline.init(config=DEFAULTS) as run:
        for epoch in range(1, run.config.epochs + 1):
            run.log({"epoch": epoch, "score": run.config.x ** 3 + run.config.y})
            if run.should_stop:
                break
        print("trained {} in mode {} with {}".format(run.id, run.mode, sorted(run.config.as_dict().items())))


if __name__ == "__main__":
    train()
