package io.sweepline.search.command;

import java.util.List;

/**
 * A trial's argv, ready for {@code ProcessBuilder} (never a shell), and the parameters JSON that
 * must be written to the {@code ${args_json_file}} path before it starts.
 *
 * @param argv               program and arguments
 * @param writesArgsJsonFile whether the command used {@code ${args_json_file}}
 * @param argsJson           the parameters as {@code json.dumps} writes them
 */
public record CommandLine(List<String> argv, boolean writesArgsJsonFile, String argsJson) {

    public CommandLine {
        argv = List.copyOf(argv);
    }
}
