package io.flatingest.infrastructure.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ClientException;
import com.clickhouse.client.api.ConnectionInitiationException;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.command.CommandResponse;
import com.clickhouse.client.api.command.CommandSettings;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Our small synchronous API over the official ClickHouse client for one connection: statements, queries that
 * stream their result, and inserts that stream their body. Thread-safe; shared by every job that uses the same
 * connection. Every failure arrives as {@link ClickHouseAccessException}.
 *
 * <p>Every query names its output format in the SQL itself ({@code … FORMAT RowBinary}) because ClickHouse 18.16
 * ignores the client's format hint; settings travel as URL parameters, which both old and new servers read.
 */
public class ClickHouseGateway implements AutoCloseable {

    private final Client client;
    private final ConnectionSettings settings;
    private volatile ServerInfo serverInfo;

    ClickHouseGateway(Client client, ConnectionSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** The settings this gateway was built from (password included: never log them beyond toString). */
    public ConnectionSettings settings() {
        return settings;
    }

    /** Version and time zone of the server, asked once and then cached. */
    public ServerInfo serverInfo() {
        ServerInfo info = serverInfo;
        if (info == null) {
            List<String[]> rows = queryRows("SELECT version(), timezone()", Map.of());
            info = new ServerInfo(rows.get(0)[0], ZoneId.of(rows.get(0)[1]));
            serverInfo = info;
        }
        return info;
    }

    /** Whether the server answers at all. Never throws. */
    public boolean ping() {
        try {
            return client.ping(settings.connectTimeout().toMillis());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Runs one statement that returns nothing of interest (DDL, ALTER, INSERT … SELECT). */
    public void execute(String sql) {
        execute(sql, Map.of(), null);
    }

    /**
     * Runs one statement with server settings and an optional query id (to find it again in
     * {@code system.processes} or {@code system.query_log}).
     */
    public void execute(String sql, Map<String, String> serverSettings, String queryId) {
        CommandSettings cs = new CommandSettings();
        serverSettings.forEach(cs::serverSetting);
        if (queryId != null) {
            cs.setQueryId(queryId);
        }
        try (CommandResponse ignored = await(() -> client.execute(sql, cs), sql)) {
            // nothing to read
        } catch (ClickHouseAccessException e) {
            throw e;
        } catch (Exception e) {
            throw translate(e, sql);
        }
    }

    /**
     * Runs a query and returns all rows as text (TabSeparated, unescaped; NULL as null). For small results only:
     * catalog lookups, counts, checks.
     */
    public List<String[]> queryRows(String sql, Map<String, String> serverSettings) {
        try (QueryStream stream = openQuery(sql, "TabSeparated", serverSettings, null)) {
            return TabSeparated.parse(new String(stream.body().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ClickHouseAccessException(ClickHouseAccessException.CLIENT_SIDE,
                    "Reading the answer of ClickHouse failed: " + e.getMessage(), true, e);
        }
    }

    /** A single value (first column of the first row), or null when the result is empty. */
    public String queryValue(String sql) {
        List<String[]> rows = queryRows(sql, Map.of());
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    /**
     * Starts a query whose result streams in the given format. The caller reads {@link QueryStream#body()} at its
     * own pace and must close the stream.
     *
     * @param sql    a SELECT without a FORMAT clause
     * @param format a ClickHouse output format name such as {@code RowBinary} or {@code TabSeparated}
     */
    public QueryStream openQuery(String sql, String format, Map<String, String> serverSettings, String queryId) {
        QuerySettings qs = new QuerySettings();
        serverSettings.forEach(qs::serverSetting);
        if (queryId != null) {
            qs.setQueryId(queryId);
        }
        String full = sql + "\nFORMAT " + format;
        QueryResponse response = await(() -> client.query(full, qs), sql);
        return new QueryStream(response);
    }

    /**
     * Inserts rows that the writer produces in the given format into the listed columns; the other columns take
     * their defaults. The body streams: the writer writes straight into the HTTP request.
     *
     * @return the number of rows the server reports written, or -1 when it does not say (18.16)
     */
    public long insert(String database, String table, List<String> columns, String format, BodyWriter body,
                       Map<String, String> serverSettings, String queryId) {
        InsertSettings is = new InsertSettings().setDatabase(database);
        serverSettings.forEach(is::serverSetting);
        if (queryId != null) {
            is.setQueryId(queryId);
        }
        List<String> quoted = columns.stream().map(Identifiers::quote).toList();
        String target = Identifiers.qualified(database, table);
        try (InsertResponse response = await(() -> client.insert(target, quoted,
                body::write, ClickHouseFormat.valueOf(format), is), "INSERT INTO " + target)) {
            return response.getWrittenRows();
        } catch (ClickHouseAccessException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown ClickHouse format: " + format, e);
        } catch (Exception e) {
            throw translate(e, "INSERT INTO " + target);
        }
    }

    /** Asks the server to stop a running query (best effort, never throws). */
    public void cancel(String queryId) {
        try {
            execute("KILL QUERY WHERE query_id = " + Identifiers.literal(queryId) + " ASYNC");
        } catch (ClickHouseAccessException e) {
            // the query may have ended already, or the server may be gone: either way nothing to stop
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private <T> T await(java.util.function.Supplier<CompletableFuture<T>> call, String what) {
        CompletableFuture<T> future;
        try {
            future = call.get();
        } catch (RuntimeException e) {
            throw translate(e, what);
        }
        try {
            return future.get(settings.socketTimeout().toMillis() + settings.connectTimeout().toMillis() + 5_000,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new ClickHouseAccessException(ClickHouseAccessException.CLIENT_SIDE,
                    "Interrupted while waiting for ClickHouse", true, e);
        } catch (ExecutionException e) {
            throw translate(e.getCause() == null ? e : e.getCause(), what);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ClickHouseAccessException(ClickHouseAccessException.CLIENT_SIDE,
                    "ClickHouse at " + settings.url() + " did not answer within " + settings.socketTimeout(), true, e);
        } catch (RuntimeException e) {
            throw translate(e, what);
        }
    }

    ClickHouseAccessException translate(Throwable e, String what) {
        if (e instanceof ClickHouseAccessException cae) {
            return cae;
        }
        if (e instanceof ServerException se) {
            // 18.16 sends no exception-code header: the code is then only in the message text
            int code = se.getCode() > 0 ? se.getCode() : ServerMessages.code(se.getMessage());
            return new ClickHouseAccessException(code, ServerMessages.clean(se.getMessage()),
                    ServerMessages.isTransient(code), se);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof ServerException se) {
                return translate(se, what);
            }
            root = root.getCause();
        }
        boolean unreachable = root instanceof ConnectException || e instanceof ConnectionInitiationException
                || root instanceof java.net.UnknownHostException || root instanceof java.net.NoRouteToHostException;
        if (unreachable) {
            return new ClickHouseAccessException(ClickHouseAccessException.CLIENT_SIDE,
                    "ClickHouse at " + settings.url() + " is not reachable (" + root.getMessage() + ")", true, e);
        }
        if (root instanceof SocketTimeoutException) {
            return new ClickHouseAccessException(ClickHouseAccessException.CLIENT_SIDE,
                    "ClickHouse at " + settings.url() + " stopped answering (" + root.getMessage() + ")", true, e);
        }
        if (root instanceof UncheckedIOException || root instanceof IOException || e instanceof ClientException) {
            return new ClickHouseAccessException(ClickHouseAccessException.CLIENT_SIDE,
                    "Talking to ClickHouse at " + settings.url() + " failed: " + root.getMessage(), true, e);
        }
        return new ClickHouseAccessException(ClickHouseAccessException.CLIENT_SIDE,
                "ClickHouse request failed (" + abbreviate(what) + "): " + root, false, e);
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ");
        return oneLine.length() > 120 ? oneLine.substring(0, 117) + "..." : oneLine;
    }

    /** Writes an INSERT body. */
    @FunctionalInterface
    public interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    /** A running query's streamed result. Closing it releases the connection. */
    public static final class QueryStream implements AutoCloseable {
        private final QueryResponse response;

        QueryStream(QueryResponse response) {
            this.response = response;
        }

        /** The raw result in the requested format. */
        public InputStream body() {
            return response.getInputStream();
        }

        @Override
        public void close() {
            try {
                response.close();
            } catch (Exception e) {
                // closing a half-read response may fail once the server has gone; nothing to recover
            }
        }
    }
}
