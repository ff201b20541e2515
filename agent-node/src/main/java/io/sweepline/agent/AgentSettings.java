package io.sweepline.agent;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An agent's tunables, read once from {@code sweepline.agent} (reference.conf documents each).
 *
 * @param heartbeatInterval      how often a running trial reports it is alive
 * @param metricsPollInterval    how often the metrics file is read
 * @param claimWait              how long one claim waits at the controller
 * @param retryBackoff           pause after the controller could not be reached
 * @param maxConsecutiveFailures failed trials in a row before the agent stops
 * @param workDir                where trial folders go
 * @param interpreter            what {@code ${interpreter}} expands to
 */
public record AgentSettings(Duration heartbeatInterval, Duration metricsPollInterval, Duration claimWait,
                            Duration retryBackoff, int maxConsecutiveFailures, Path workDir, String interpreter) {

    public static AgentSettings fromConfig(Config root) {
        Config c = root.getConfig("sweepline.agent");
        return new AgentSettings(c.getDuration("heartbeat-interval"), c.getDuration("metrics-poll-interval"),
                c.getDuration("claim-wait"), c.getDuration("retry-backoff"), c.getInt("max-consecutive-failures"),
                Path.of(c.getString("work-dir")).toAbsolutePath(), interpreter(c.getString("interpreter")));
    }

    public AgentSettings withWorkDir(Path dir) {
        return new AgentSettings(heartbeatInterval, metricsPollInterval, claimWait, retryBackoff, maxConsecutiveFailures,
                dir.toAbsolutePath(), interpreter);
    }

    /** "auto": python when it is on PATH (W&B's choice), else python3. */
    static String interpreter(String configured) {
        if (!"auto".equals(configured)) {
            return configured;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "python"))) {
                return "python";
            }
        }
        return "python3";
    }
}
