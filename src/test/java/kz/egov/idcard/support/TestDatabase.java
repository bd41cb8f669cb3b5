package kz.egov.idcard.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A database of a reliability test's own on the local PostgreSQL (the same DB_HOST, DB_PORT,
 * DB_USER and DB_PASSWORD as the service), made when missing, and plain JDBC queries to check
 * what the service left in it.
 */
public final class TestDatabase {

    private final String name;

    public TestDatabase(String name) {
        this.name = name;
    }

    public static String host() {
        return env("DB_HOST", "127.0.0.1");
    }

    public static int port() {
        return Integer.parseInt(env("DB_PORT", "5432"));
    }

    public String name() {
        return name;
    }

    /**
     * Makes the database afresh: the test owns it, and what an earlier run (or an older schema
     * history) left in it must not decide this run.
     */
    public TestDatabase recreate() throws SQLException {
        try (Connection c = connect("postgres"); var statement = c.createStatement()) {
            String quoted = "\"" + name.replace("\"", "") + "\"";
            statement.execute("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + quoted);
        }
        return this;
    }

    public long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0).values().iterator().next()).longValue();
    }

    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = connect(name); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host() + ":" + port() + "/" + database,
                env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
