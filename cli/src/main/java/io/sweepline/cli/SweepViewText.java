package io.sweepline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Text renderings of the API's sweep JSON for {@code sweep ls} and {@code sweep show}. */
final class SweepViewText {

    private SweepViewText() {
    }

    static String trialSummary(JsonNode sweep) {
        JsonNode counts = sweep.path("trial_counts");
        long total = 0;
        for (Iterator<JsonNode> it = counts.elements(); it.hasNext(); ) {
            total += it.next().asLong();
        }
        long live = counts.path("PENDING").asLong() + counts.path("RUNNING").asLong();
        return counts.path("FINISHED").asLong() + "/" + total + " done" + (live > 0 ? ", " + live + " live" : "");
    }

    static String best(JsonNode sweep) {
        JsonNode best = sweep.path("best");
        if (best.isMissingNode() || best.isNull()) {
            return "-";
        }
        return sweep.path("metric").asText() + "=" + number(best.path("value")) + " (" + best.path("trial_id").asText() + ")";
    }

    static String show(JsonNode sweep, JsonNode trials) {
        StringBuilder out = new StringBuilder();
        out.append("sweep   ").append(sweep.path("id").asText()).append("  ").append(sweep.path("name").asText()).append('\n');
        out.append("state   ").append(sweep.path("state").asText());
        if (sweep.hasNonNull("finish_reason")) {
            out.append(" (").append(sweep.path("finish_reason").asText()).append(')');
        }
        out.append('\n');
        out.append("method  ").append(sweep.path("method").asText());
        if (sweep.hasNonNull("metric")) {
            out.append(", ").append(sweep.path("goal").asText()).append(' ').append(sweep.path("metric").asText());
        }
        out.append('\n');
        out.append("trials  ").append(trialSummary(sweep)).append('\n');
        out.append("best    ").append(best(sweep)).append('\n');
        Set<String> params = new LinkedHashSet<>();
        trials.forEach(t -> t.path("params").fieldNames().forEachRemaining(params::add));
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("trial", "state", "value", "agent"));
        header.addAll(params);
        rows.add(header);
        for (JsonNode t : trials) {
            List<String> row = new ArrayList<>(List.of(t.path("id").asText(), t.path("state").asText(),
                    number(t.path("value")), t.path("agent").asText("")));
            for (String p : params) {
                JsonNode v = t.path("params").path(p);
                row.add(v.isMissingNode() ? "" : v.isNumber() && !v.isIntegralNumber() ? number(v) : v.isTextual() ? v.asText() : v.toString());
            }
            rows.add(row);
        }
        out.append('\n').append(TextTable.render(rows));
        return out.toString();
    }

    static String number(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? "" : Leaderboard.number(value.asDouble());
    }
}
