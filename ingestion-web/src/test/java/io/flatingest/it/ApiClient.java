package io.flatingest.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A small HTTP/JSON client for the application's REST API, as any user of the API would use it. */
public class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private String bearer;

    /** @param base e.g. {@code http://127.0.0.1:8080/flatingest} */
    public ApiClient(String base) {
        this.base = base;
    }

    /** Sends this token with every request from now on. */
    public ApiClient withToken(String token) {
        this.bearer = token;
        return this;
    }

    /** The application's base URL. */
    public String base() {
        return base;
    }

    /** GET, returns the raw response. */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** POST a JSON body, returns the raw response. */
    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Parses a JSON body. */
    public static JsonStructure json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).read();
    }

    /** GET a JSON object; fails unless the status is 200. */
    public JsonObject getObject(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return json(r).asJsonObject();
    }

    /** Polls a JSON object until the condition holds or the timeout passes; returns the last object seen. */
    public JsonObject await(String path, Predicate<JsonObject> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = getObject(path);
            if (condition.test(last)) {
                return last;
            }
            sleep(250);
        }
        throw new AssertionError("Condition not met within " + timeout + " for " + path + "; last: " + last);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
