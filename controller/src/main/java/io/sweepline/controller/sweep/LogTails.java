package io.sweepline.controller.sweep;

import java.util.HashMap;
import java.util.Map;

/**
 * The recent output of live trials, in memory only (logs would swamp the journal): the last
 * {@code limit} characters of stdout and of stderr per trial. When a trial ends, its agent's
 * final tails are persisted with the trial instead.
 */
final class LogTails {

    /** Characters of each stream kept per live trial. */
    static final int LIVE_LIMIT = 64 * 1024;

    private final int limit;
    private final Map<String, StringBuilder[]> tails = new HashMap<>();

    LogTails(int limit) {
        this.limit = limit;
    }

    void append(String trialId, String stdout, String stderr) {
        StringBuilder[] streams = tails.computeIfAbsent(trialId, id -> new StringBuilder[] {new StringBuilder(), new StringBuilder()});
        add(streams[0], stdout);
        add(streams[1], stderr);
    }

    private void add(StringBuilder stream, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        stream.append(text);
        if (stream.length() > limit) {
            stream.delete(0, stream.length() - limit);
        }
    }

    /** stdout and stderr, or null when nothing was received for the trial. */
    String[] get(String trialId) {
        StringBuilder[] streams = tails.get(trialId);
        return streams == null ? null : new String[] {streams[0].toString(), streams[1].toString()};
    }

    void forget(String trialId) {
        tails.remove(trialId);
    }
}
