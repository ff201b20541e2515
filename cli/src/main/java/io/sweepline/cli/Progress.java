package io.sweepline.cli;

import io.sweepline.protocol.SweepView;
import io.sweepline.protocol.TrialView;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/** Live progress for long-running commands: one line per trial that started or ended since the last look. */
final class Progress {

    private final PrintWriter err;
    private final Map<String, String> seen = new HashMap<>();

    Progress(PrintWriter err) {
        this.err = err;
    }

    void update(SweepView sweep) {
        for (TrialView t : sweep.trials()) {
            String previous = seen.put(t.id(), t.state());
            if (t.state().equals(previous)) {
                continue;
            }
            if (t.state().equals("RUNNING") || (previous == null && t.state().equals("PENDING"))) {
                err.println("  " + t.id() + " started   " + Leaderboard.value(t.params()));
            } else if (!t.state().equals("PENDING") && !t.state().equals("RUNNING")) {
                String metric = sweep.metric() == null || t.value() == null ? ""
                        : "  " + sweep.metric() + "=" + Leaderboard.number(t.value());
                err.println("  " + t.id() + " " + t.state().toLowerCase(java.util.Locale.ROOT)
                        + (t.exitCode() != null && t.exitCode() != 0 ? " (exit " + t.exitCode() + ")" : "") + metric);
            }
        }
        err.flush();
    }
}
