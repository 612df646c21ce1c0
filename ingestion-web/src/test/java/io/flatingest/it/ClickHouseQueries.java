package io.flatingest.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP access to the build's ClickHouse, for test set-up and assertions independent of the application. */
public final class ClickHouseQueries {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ClickHouseQueries() {
    }

    /** Runs a statement or query; returns the body (TabSeparated unless the SQL says otherwise), trimmed. */
    public static String run(String sql) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(TestEnvironment.clickHouseUrl()
                    + "/?allow_experimental_low_cardinality_type=1"))
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(sql)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("ClickHouse refused " + sql + ": " + r.body());
            }
            return r.body().strip();
        } catch (IOException e) {
            throw new AssertionError("ClickHouse unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
