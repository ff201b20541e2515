package io.sweepline.http;

import io.sweepline.controller.ControllerMetrics;
import io.sweepline.protocol.SweepStatus;
import io.sweepline.protocol.SweepView;
import io.sweepline.search.history.TrialState;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Prometheus text exposition (format 0.0.4) of Sweepline's metrics. Written here rather than
 * with a client library: six metrics do not justify its dependencies.
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    static String render(List<SweepView> sweeps, ControllerMetrics.Snapshot node) {
        Map<SweepStatus, Long> sweepsByState = new EnumMap<>(SweepStatus.class);
        Map<TrialState, Long> trialsByState = new EnumMap<>(TrialState.class);
        for (SweepStatus s : SweepStatus.values()) {
            sweepsByState.put(s, 0L);
        }
        for (TrialState s : TrialState.values()) {
            trialsByState.put(s, 0L);
        }
        for (SweepView sweep : sweeps) {
            sweepsByState.merge(sweep.status(), 1L, Long::sum);
            sweep.trialCounts().forEach((state, n) -> trialsByState.merge(TrialState.valueOf(state), n, Long::sum));
        }
        StringBuilder out = new StringBuilder();
        gauge(out, "sweepline_sweeps", "Sweeps by state.", sweepsByState);
        gauge(out, "sweepline_trials", "Trials by state, over every sweep.", trialsByState);
        out.append("# HELP sweepline_claim_latency_seconds Time from a claim reaching its sweep to a trial being handed"
                + " out (this node's sweeps).\n# TYPE sweepline_claim_latency_seconds histogram\n");
        for (int i = 0; i < ControllerMetrics.CLAIM_BUCKETS.length; i++) {
            out.append("sweepline_claim_latency_seconds_bucket{le=\"").append(ControllerMetrics.CLAIM_BUCKETS[i])
                    .append("\"} ").append(node.claimBuckets()[i]).append('\n');
        }
        out.append("sweepline_claim_latency_seconds_bucket{le=\"+Inf\"} ").append(node.claims()).append('\n');
        out.append("sweepline_claim_latency_seconds_sum ").append(node.claimSeconds()).append('\n');
        out.append("sweepline_claim_latency_seconds_count ").append(node.claims()).append('\n');
        out.append("# HELP sweepline_metric_rows_ingested_total Metric rows recorded by this node's sweeps.\n")
                .append("# TYPE sweepline_metric_rows_ingested_total counter\n")
                .append("sweepline_metric_rows_ingested_total ").append(node.rows()).append('\n');
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, Map<? extends Enum<?>, Long> byState) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        byState.forEach((state, n) -> out.append(name).append("{state=\"").append(state.name().toLowerCase(Locale.ROOT))
                .append("\"} ").append(n).append('\n'));
    }
}
