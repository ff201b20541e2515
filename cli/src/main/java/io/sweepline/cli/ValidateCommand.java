package io.sweepline.cli;

import io.sweepline.search.config.ConfigValidator;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.config.ValidationResult;
import io.sweepline.search.config.Violation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweepline validate FILE [--strict]}: every problem with its path, exit 0 when valid,
 * 1 when not. Warnings (what W&B's service tolerates) fail only with {@code --strict}.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a sweep config; list every problem with its path.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Sweep config (YAML or JSON).")
    Path file;

    @Option(names = "--strict", description = "Treat warnings (deprecated forms, unknown keys) as errors.")
    boolean strict;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ValidationResult result = ConfigValidator.validate(ConfigFiles.read(file, ConfigFiles.MAX_CONFIG_BYTES));
        for (Violation v : result.errors()) {
            out.println(file + ": error: " + v);
        }
        for (Violation v : result.warnings()) {
            out.println(file + ": " + (strict ? "error" : "warning") + ": " + v);
        }
        boolean valid = strict ? result.acceptedStrictly() : result.accepted();
        if (valid) {
            SweepConfig config = result.orThrow();
            out.println(file + ": valid " + config.method().wireName() + " sweep with "
                    + config.parameters().leaves().size() + " parameters"
                    + (result.warnings().isEmpty() ? "" : " (" + plural(result.warnings().size(), "warning") + ")"));
        } else {
            int problems = result.errors().size() + (strict ? result.warnings().size() : 0);
            out.println(file + ": invalid (" + plural(problems, "problem") + ")");
        }
        out.flush();
        return valid ? ExitCodes.OK : ExitCodes.INVALID;
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
