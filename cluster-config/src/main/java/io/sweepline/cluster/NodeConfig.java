package io.sweepline.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a node is, from the command line: its roles, where it listens, which seeds it joins and
 * which database holds the journal. {@link #toConfig()} lays these over {@code sweepline/node.conf}
 * and every module's reference.conf; environment variables and -D properties still win.
 *
 * @param systemName  actor system name, the same on every node of a cluster
 * @param roles       any of controller, agent, api
 * @param host        the address other nodes reach this one at
 * @param port        remoting port; 0 picks a free one
 * @param seedNodes   {@code host:port} of nodes to join; empty: this node starts a new cluster
 * @param database    where the journal lives
 */
public record NodeConfig(String systemName, Set<String> roles, String host, int port, List<String> seedNodes,
                         Database database) {

    public static final String SYSTEM_NAME = "sweepline";

    /** The journal's database. */
    public sealed interface Database permits H2File, Jdbc, None {
    }

    /** The embedded default: an H2 file database in {@code directory}. */
    public record H2File(Path directory) implements Database {
    }

    /** PostgreSQL (or another JDBC database Slick knows) by URL. */
    public record Jdbc(String url, String user, String password) implements Database {
    }

    /** Nodes without the controller role need no database. */
    public record None() implements Database {
    }

    public NodeConfig {
        roles = Set.copyOf(roles);
        seedNodes = List.copyOf(seedNodes);
        Objects.requireNonNull(database, "database");
        for (String role : roles) {
            if (!Set.of("controller", "agent", "api").contains(role)) {
                throw new IllegalArgumentException("unknown role '" + role + "' (roles: controller, agent, api)");
            }
        }
    }

    public Config toConfig() {
        Config overrides = ConfigFactory.empty()
                .withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(List.copyOf(roles)))
                .withValue("pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(host))
                .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(port))
                .withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(
                        seedNodes.stream().map(s -> "pekko://" + systemName + "@" + s).toList()));
        overrides = database(overrides);
        return ConfigFactory.systemProperties()
                .withFallback(overrides)
                .withFallback(ConfigFactory.parseResources("sweepline/node.conf"))
                .withFallback(ConfigFactory.load())
                .resolve();
    }

    private Config database(Config config) {
        String slick = "pekko-persistence-jdbc.shared-databases.slick.";
        if (database instanceof H2File h2) {
            // WRITE_DELAY=0: H2 otherwise flushes commits up to 500 ms late, and a SIGKILL in that window
            // loses events the entity already acknowledged (a finished trial came back RUNNING).
            String url = "jdbc:h2:file:" + h2.directory().toAbsolutePath().resolve("sweepline")
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
            return config.withValue(slick + "db.url", ConfigValueFactory.fromAnyRef(url));
        }
        if (database instanceof Jdbc jdbc) {
            String profile = jdbc.url().startsWith("jdbc:postgresql:") ? "slick.jdbc.PostgresProfile$"
                    : jdbc.url().startsWith("jdbc:h2:") ? "slick.jdbc.H2Profile$" : null;
            if (profile == null) {
                throw new IllegalArgumentException("unsupported JDBC URL " + jdbc.url()
                        + " (use jdbc:postgresql://HOST:PORT/DB or jdbc:h2:...)");
            }
            String driver = profile.contains("Postgres") ? "org.postgresql.Driver" : "org.h2.Driver";
            return config.withValue(slick + "profile", ConfigValueFactory.fromAnyRef(profile))
                    .withValue(slick + "db.url", ConfigValueFactory.fromAnyRef(jdbc.url()))
                    .withValue(slick + "db.driver", ConfigValueFactory.fromAnyRef(driver))
                    .withValue(slick + "db.user", ConfigValueFactory.fromAnyRef(jdbc.user()))
                    .withValue(slick + "db.password", ConfigValueFactory.fromAnyRef(jdbc.password()));
        }
        return config;
    }
}
