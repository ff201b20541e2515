package io.sweepline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code sweepline sweep FILE} creates a sweep and prints its id alone on stdout (for scripts:
 * {@code ID=$(sweepline sweep sweep.yaml)}); {@code sweep ls|show|pause|resume|stop|cancel} manage them.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Create a sweep from FILE (prints its id), or manage sweeps.",
        subcommands = {SweepCommand.Ls.class, SweepCommand.Show.class, SweepCommand.Pause.class,
                SweepCommand.Resume.class, SweepCommand.Stop.class, SweepCommand.Cancel.class, SweepCommand.Logs.class})
final class SweepCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Sweep config (YAML or JSON) to create.")
    Path file;

    @Mixin
    ServerOption server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (file == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a sweep FILE to create, or a subcommand");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text = ConfigFiles.read(file, ConfigFiles.MAX_CONFIG_BYTES);
        JsonNode sweep;
        try {
            sweep = server.client().post("/api/v1/sweeps", text, "application/yaml");
        } catch (ApiClient.ApiException e) {
            err.println("sweepline: " + file + ": " + e.getMessage());
            return e.status == 422 || e.status == 400 ? ExitCodes.INVALID : ExitCodes.FAILURE;
        }
        for (JsonNode w : sweep.path("warnings")) {
            err.println(file + ": warning: " + w.path("path").asText() + ": " + w.path("message").asText());
        }
        String id = sweep.path("id").asText();
        err.println("created sweep " + id + " (" + sweep.path("method").asText() + "); run agents with: sweepline agent "
                + id + " --server " + server.url());
        out.println(id);
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code sweep ls}: every sweep, newest first. */
    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List sweeps.")
    static final class Ls implements Callable<Integer> {
        @Mixin
        ServerOption server;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode sweeps = server.client().get("/api/v1/sweeps").path("sweeps");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("id", "name", "state", "method", "trials", "best"));
            for (JsonNode s : sweeps) {
                rows.add(List.of(s.path("id").asText(), s.path("name").asText(), s.path("state").asText(),
                        s.path("method").asText(), SweepViewText.trialSummary(s), SweepViewText.best(s)));
            }
            spec.commandLine().getOut().print(TextTable.render(rows));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code sweep show ID}: the sweep, its best trial and its trials. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a sweep and its trials.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "ID")
        String id;

        @Mixin
        ServerOption server;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ApiClient client = server.client();
            JsonNode sweep = client.get("/api/v1/sweeps/" + id);
            JsonNode trials = client.get("/api/v1/sweeps/" + id + "/trials").path("trials");
            spec.commandLine().getOut().print(SweepViewText.show(sweep, trials));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code sweep logs ID TRIAL}: the trial's stdout on stdout and its stderr on stderr. */
    @Command(name = "logs", mixinStandardHelpOptions = true, description = "Print a trial's output.")
    static final class Logs implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1", paramLabel = "TRIAL")
        String trial;

        @Mixin
        ServerOption server;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode logs = server.client().get("/api/v1/sweeps/" + id + "/trials/" + trial + "/logs");
            spec.commandLine().getOut().print(logs.path("stdout").asText());
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().print(logs.path("stderr").asText());
            spec.commandLine().getErr().flush();
            return ExitCodes.OK;
        }
    }

    /** Shared by the four actions: POST the action, print the new state. */
    abstract static class Action implements Callable<Integer> {
        @Parameters(paramLabel = "ID")
        String id;

        @Mixin
        ServerOption server;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            String action = spec.name();
            JsonNode sweep = server.client().post("/api/v1/sweeps/" + id + "/" + action, "", "application/json");
            spec.commandLine().getOut().println(id + " " + sweep.path("state").asText()
                    + (sweep.path("stop_requested").asBoolean() && !"CANCELED".equals(sweep.path("state").asText())
                    && !"FINISHED".equals(sweep.path("state").asText()) ? " (stopping: running trials finish first)" : ""));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Hand out no new trials; running ones go on.")
    static final class Pause extends Action {
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Undo pause.")
    static final class Resume extends Action {
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Let running trials finish, then FINISHED.")
    static final class Stop extends Action {
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Stop running trials now; CANCELED.")
    static final class Cancel extends Action {
    }
}
