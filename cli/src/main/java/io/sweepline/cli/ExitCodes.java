package io.sweepline.cli;

/** Exit codes shared by every subcommand. */
final class ExitCodes {

    static final int OK = 0;
    /** The input is invalid (a config with errors). */
    static final int INVALID = 1;
    /** The command could not do its work (missing file, unreadable runs, server unreachable). */
    static final int FAILURE = 2;
    /** Bad command-line usage. */
    static final int USAGE = 64;

    private ExitCodes() {
    }
}
