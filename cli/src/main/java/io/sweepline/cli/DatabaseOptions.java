package io.sweepline.cli;

import io.sweepline.cluster.NodeConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a controller keeps its journal: an H2 file under --data-dir (default) or a JDBC URL. */
final class DatabaseOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "sweepline-data",
            description = "H2 journal folder (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Journal database instead of H2, e.g. jdbc:postgresql://db:5432/sweepline (also $SWEEPLINE_JDBC_URL).")
    String jdbcUrl;

    @Option(names = "--jdbc-user", paramLabel = "USER", description = "Database user (also $SWEEPLINE_JDBC_USER).")
    String jdbcUser;

    @Option(names = "--jdbc-password", paramLabel = "PASSWORD",
            description = "Database password (better: $SWEEPLINE_JDBC_PASSWORD).")
    String jdbcPassword;

    NodeConfig.Database database() {
        String url = jdbcUrl != null ? jdbcUrl : System.getenv("SWEEPLINE_JDBC_URL");
        if (url == null || url.isBlank()) {
            return new NodeConfig.H2File(dataDir);
        }
        String user = jdbcUser != null ? jdbcUser : System.getenv().getOrDefault("SWEEPLINE_JDBC_USER", "");
        String password = jdbcPassword != null ? jdbcPassword : System.getenv().getOrDefault("SWEEPLINE_JDBC_PASSWORD", "");
        return new NodeConfig.Jdbc(url, user, password);
    }

    String describe() {
        return database() instanceof NodeConfig.Jdbc jdbc ? jdbc.url() : "H2 file in " + dataDir.toAbsolutePath();
    }
}
