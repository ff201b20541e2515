package io.sweepline.search.command;

import java.util.Map;
import java.util.Objects;

/**
 * What the macros of a command line expand to besides the parameters: the machine's facts and the
 * trial's files. Kept out of the builder so that building argv stays a pure function.
 *
 * @param program          the sweep's {@code program} ({@code ${program}}), or null if absent
 * @param interpreter      {@code ${interpreter}}; W&B uses the literal {@code python}
 * @param env              {@code ${env}}; W&B uses {@code /usr/bin/env}
 * @param argsJsonFilePath {@code ${args_json_file}}: where the parameters JSON is written
 * @param environment      the environment {@code ${envvar:NAME}} reads
 */
public record CommandContext(String program, String interpreter, String env, String argsJsonFilePath,
                             Map<String, String> environment) {

    public CommandContext {
        Objects.requireNonNull(interpreter, "interpreter");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(argsJsonFilePath, "argsJsonFilePath");
        environment = Map.copyOf(environment);
    }
}
