package io.sweepline.cli.node;

import io.sweepline.cluster.NodeConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Real databases for journal tests: a PostgreSQL database created on the server at
 * 127.0.0.1:5432 (SWEEPLINE_TEST_PG_URL/USER/PASSWORD override it) and dropped afterwards. Without
 * a reachable server the test is skipped with a message — except under CI=true, where it fails.
 */
final class TestDatabases {

    static final String ADMIN_URL = System.getenv().getOrDefault("SWEEPLINE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String USER = System.getenv().getOrDefault("SWEEPLINE_TEST_PG_USER", "root");
    static final String PASSWORD = System.getenv().getOrDefault("SWEEPLINE_TEST_PG_PASSWORD", "");

    private TestDatabases() {
    }

    /** A fresh PostgreSQL database; call {@link #drop} when done. */
    static NodeConfig.Jdbc createPostgres() {
        String name = "sweepline_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            String message = "PostgreSQL not reachable at " + ADMIN_URL + " as " + USER + " (" + e.getMessage()
                    + "): PostgreSQL journal test skipped";
            if (ci) {
                throw new AssertionError("CI=true but " + message, e);
            }
            Assumptions.abort(message);
        }
        return new NodeConfig.Jdbc(ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name, USER, PASSWORD);
    }

    static void drop(NodeConfig.Jdbc database) {
        String name = database.url().substring(database.url().lastIndexOf('/') + 1);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }

    private static Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
    }
}
