package io.sweepline.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sweepline.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SearchBenchTest {

    private static String run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cli.execute(args));
        return out.toString();
    }

    @Test
    void printsOneRowPerMethodAndBudgetWithTheRegretOfItsMedian() {
        String out = run("bench", "search", "--seeds", "3", "--budgets", "4,8", "--functions", "branin",
                "--methods", "random,bayes", "--latency", "0", "--threads", "1");
        List<String> rows = out.lines().filter(l -> l.matches("\\s+(random|bayes)\\s+\\d+\\s.*")).toList();
        assertEquals(4, rows.size(), out);
        for (String row : rows) {
            String[] cells = row.trim().split("\\s+");
            double median = Double.parseDouble(cells[2]);
            double regret = Double.parseDouble(cells[cells.length - 1]);
            assertEquals(median - TestFunction.BRANIN.minimum(), regret, 1e-3 * Math.max(1, regret), row);
        }
        assertTrue(out.contains("W&B bayes 0.4029"), "the peers' figures are shown: " + out);
    }

    @Test
    void theGridTakesTheCentresOfEqualCellsPerCoordinate() {
        var config = BenchSweep.config(TestFunction.BRANIN, "grid", 25);
        var x1 = (io.sweepline.search.space.Categorical) config.parameters().leaves().get(0).distribution();
        var x2 = (io.sweepline.search.space.Categorical) config.parameters().leaves().get(1).distribution();
        assertEquals(List.of(-3.5, -0.5, 2.5, 5.5, 8.5), x1.values());
        assertEquals(List.of(1.5, 4.5, 7.5, 10.5, 13.5), x2.values());
        var trace = BenchSweep.run(TestFunction.BRANIN, "grid", 25, 1);
        for (int i = 1; i < 25; i++) {
            assertTrue(trace.bestSoFar()[i] <= trace.bestSoFar()[i - 1], "best so far never worsens");
        }
    }

    @Test
    void fourAgentsAtATimeStillFindTheMinimum() {
        var trace = BenchSweep.run(TestFunction.BRANIN, "bayes", 24, 3, 4);
        assertEquals(24, trace.bestSoFar().length);
        for (int i = 1; i < 24; i++) {
            assertTrue(trace.bestSoFar()[i] <= trace.bestSoFar()[i - 1], "best so far never worsens");
        }
        // Random search's median after 25 trials is about 2; four agents at a time still get close to 0.398.
        assertTrue(trace.bestSoFar()[23] < 0.6, "six rounds of four find the minimum's basin: " + trace.bestSoFar()[23]);
    }

    @Test
    void reportsLatencyAtEachRequestedHistorySize() {
        String out = run("bench", "search", "--seeds", "1", "--budgets", "2", "--functions", "branin", "--methods", "random",
                "--latency", "10,30");
        assertEquals(4, out.lines().filter(l -> l.matches("\\s+(hartmann6|rosenbrock10)\\s+(10|30)\\s+.*ms.*")).count(), out);
    }
}
