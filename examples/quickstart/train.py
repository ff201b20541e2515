"""Quickstart trainer: logistic regression by mini-batch SGD on a synthetic two-moons-like data set.

Standard library only. Reads its hyperparameters from --name=value arguments (W&B's ${args}),
logs one JSON line per epoch to the file named by SWEEPLINE_METRICS (or stdout when run by hand),
and exits 0. Deterministic for a given SWEEPLINE_TRIAL_ID.
"""
import argparse
import json
import math
import os
import random
import sys


def make_data(rng, n):
    """Two noisy interleaved half circles, lifted with a few polynomial features."""
    rows = []
    for i in range(n):
        label = i % 2
        angle = rng.uniform(0, math.pi)
        x = math.cos(angle) + (1.0 if label else 0.0) + rng.gauss(0, 0.25)
        y = math.sin(angle) * (-1 if label else 1) + (0.5 if label else 0.0) + rng.gauss(0, 0.25)
        rows.append(([1.0, x, y, x * x, y * y, x * y], label))
    return rows


def loss_and_accuracy(weights, rows):
    total, correct = 0.0, 0
    for features, label in rows:
        z = sum(w * f for w, f in zip(weights, features))
        p = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
        p = min(max(p, 1e-12), 1 - 1e-12)
        total -= label * math.log(p) + (1 - label) * math.log(1 - p)
        correct += int((p >= 0.5) == bool(label))
    return total / len(rows), correct / len(rows)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--learning_rate", type=float, default=0.1)
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--batch_size", type=int, default=16)
    parser.add_argument("--epochs", type=int, default=15)
    args, _ = parser.parse_known_args()

    rng = random.Random(os.environ.get("SWEEPLINE_TRIAL_ID", "manual"))
    data = make_data(random.Random(42), 600)
    train, val = data[:450], data[450:]
    weights = [0.0] * len(train[0][0])
    metrics_path = os.environ.get("SWEEPLINE_METRICS")
    sink = open(metrics_path, "a", buffering=1) if metrics_path else sys.stdout
    for epoch in range(1, args.epochs + 1):
        rng.shuffle(train)
        for start in range(0, len(train), args.batch_size):
            batch = train[start:start + args.batch_size]
            grad = [0.0] * len(weights)
            for features, label in batch:
                z = sum(w * f for w, f in zip(weights, features))
                p = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
                for j, f in enumerate(features):
                    grad[j] += (p - label) * f
            for j in range(len(weights)):
                weights[j] -= args.learning_rate * (grad[j] / len(batch) + args.l2 * weights[j])
        train_loss, _ = loss_and_accuracy(weights, train)
        val_loss, val_acc = loss_and_accuracy(weights, val)
        sink.write(json.dumps({"epoch": epoch, "train_loss": train_loss, "val_loss": val_loss,
                               "val_accuracy": val_acc}) + "\n")
        sink.flush()
    print(f"done: val_loss={val_loss:.4f} val_accuracy={val_acc:.3f}")


if __name__ == "__main__":
    main()
