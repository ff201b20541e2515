package io.sweepline.cli;

import io.sweepline.protocol.SweepView;
import io.sweepline.protocol.TrialView;
import io.sweepline.search.value.PythonRepr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The best trials of a sweep as an aligned text table, best first (by the sweep's metric and goal). */
final class Leaderboard {

    private Leaderboard() {
    }

    static String render(SweepView sweep, int top) {
        List<TrialView> ranked = rank(sweep);
        if (ranked.isEmpty()) {
            return "no trial reported " + (sweep.metric() == null ? "a metric" : sweep.metric()) + "\n";
        }
        Set<String> params = new LinkedHashSet<>();
        ranked.forEach(t -> params.addAll(t.params().keySet()));
        List<String> header = new ArrayList<>(List.of("rank", "trial", "state", sweep.metric()));
        header.addAll(params);
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (int i = 0; i < Math.min(top, ranked.size()); i++) {
            TrialView t = ranked.get(i);
            List<String> row = new ArrayList<>(List.of(String.valueOf(i + 1), t.id(), t.state(), number(t.value())));
            for (String p : params) {
                row.add(t.params().containsKey(p) ? value(t.params().get(p)) : "");
            }
            rows.add(row);
        }
        return TextTable.render(rows);
    }

    /** Trials with a finite value of the metric, best first. */
    static List<TrialView> rank(SweepView sweep) {
        if (sweep.metric() == null) {
            return List.of();
        }
        Comparator<TrialView> byValue = Comparator.comparingDouble(TrialView::value);
        if ("maximize".equals(sweep.goal())) {
            byValue = byValue.reversed();
        }
        return sweep.trials().stream().filter(t -> t.value() != null && Double.isFinite(t.value()))
                .sorted(byValue.thenComparingLong(TrialView::number)).toList();
    }

    static String value(Object v) {
        return v instanceof Double d ? number(d) : PythonRepr.str(v instanceof Map<?, ?> m ? m : v);
    }

    static String number(Double d) {
        if (d == null) {
            return "";
        }
        double abs = Math.abs(d);
        return abs != 0 && (abs < 1e-3 || abs >= 1e5) ? String.format("%.4e", d) : String.format("%.6g", d)
                .replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", "");
    }
}
