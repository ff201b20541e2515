package io.sweepline.agent.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one trial process: argv (never through a shell), extra environment on top of the
 * agent's own, the working directory, and the files that keep its stdout and stderr.
 */
public record ProcessSpec(List<String> argv, Map<String, String> environment, Path workDir, Path stdout, Path stderr) {

    public ProcessSpec {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("the command is empty: nothing to run");
        }
    }
}
