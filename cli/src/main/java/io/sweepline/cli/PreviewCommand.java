package io.sweepline.cli;

import io.sweepline.search.config.ConfigParser;
import io.sweepline.search.config.ConfigSyntaxException;
import io.sweepline.search.config.ConfigValidator;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.config.ValidationResult;
import io.sweepline.search.config.Violation;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.history.WandbRuns;
import io.sweepline.search.suggest.SuggestionPreview;
import io.sweepline.search.value.PythonRepr;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweepline preview FILE [--count N] [--seed S] [--runs RUNS.json]}: the suggestions a sweep
 * would hand out, one JSON object per line on stdout (nested parameters as nested objects);
 * everything else goes to stderr. Nothing runs.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Print the next suggestions as JSON lines; nothing runs.")
final class PreviewCommand implements Callable<Integer> {

    /** Runs exported from W&B can be large; still bounded. */
    static final long MAX_RUNS_BYTES = 256L * 1024 * 1024;

    @Parameters(paramLabel = "FILE", description = "Sweep config (YAML or JSON).")
    Path file;

    @Option(names = "--count", paramLabel = "N", defaultValue = "10", description = "How many suggestions (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", paramLabel = "S", description = "Seed; default: the config's sweepline.seed, else 0.")
    Long seed;

    @Option(names = "--runs", paramLabel = "RUNS.json",
            description = "Prior runs in W&B's run format ({\"runs\": [{name, state, config, history, summary_metrics}]}).")
    Path runs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (count < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be at least 1, got " + count);
        }
        ValidationResult result = ConfigValidator.validate(ConfigFiles.read(file, ConfigFiles.MAX_CONFIG_BYTES));
        for (Violation w : result.warnings()) {
            err.println(file + ": warning: " + w);
        }
        if (!result.accepted()) {
            for (Violation e : result.errors()) {
                err.println(file + ": error: " + e);
            }
            err.flush();
            return ExitCodes.INVALID;
        }
        SweepConfig config = result.orThrow();
        List<TrialSnapshot> prior = runs == null ? List.of() : readRuns(runs);
        long effectiveSeed = seed != null ? seed : config.options().seed().orElse(0L);
        var preview = SuggestionPreview.preview(config, prior, effectiveSeed, count);
        for (Map<String, Object> params : preview.suggestions()) {
            out.println(PythonRepr.jsonDumps(params));
        }
        out.flush();
        err.println("preview: " + preview.suggestions().size() + " " + config.method().wireName() + " suggestions, seed "
                + effectiveSeed + (prior.isEmpty() ? "" : ", after " + prior.size() + " prior runs")
                + (preview.exhausted() ? "; the grid is exhausted" : ""));
        err.flush();
        return ExitCodes.OK;
    }

    @SuppressWarnings("unchecked")
    private static List<TrialSnapshot> readRuns(Path path) {
        String text = ConfigFiles.read(path, MAX_RUNS_BYTES);
        Object tree;
        try {
            tree = new ConfigParser(new ConfigParser.Limits((int) Math.min(Integer.MAX_VALUE, MAX_RUNS_BYTES), 0, 64)).parse(text);
        } catch (ConfigSyntaxException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage());
        }
        Object list = tree instanceof Map<?, ?> m ? m.get("runs") : tree;
        if (!(list instanceof List)) {
            throw new IllegalArgumentException(path + ": expected {\"runs\": [...]} or a list of runs");
        }
        try {
            return WandbRuns.toTrials((List<Object>) list);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage());
        }
    }
}
