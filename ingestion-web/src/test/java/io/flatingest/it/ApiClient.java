package io.flatingest.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A small HTTP/JSON client for the application's REST API, as any user of the API would use it. Every response it
 * receives is kept in {@link #transcript()} (status, headers, body), so that tests can check that no password or
 * secret ever came back.
 */
public class ApiClient {

    private static final Queue<String> TRANSCRIPT = new ConcurrentLinkedQueue<>();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private String bearer;

    /** @param base e.g. {@code http://127.0.0.1:8080/flatingest} */
    public ApiClient(String base) {
        this.base = base;
    }

    /** A client for the base URL, logged in as the test administrator ({@link TestSecurity#adminPassword()}). */
    public static ApiClient asAdmin(String base) {
        return new ApiClient(base).login(TestSecurity.ADMIN, TestSecurity.adminPassword());
    }

    /** Gets a token for user name and password from {@code POST /api/auth/token} and sends it from now on. */
    public ApiClient login(String username, String password) {
        return withToken(token(username, password));
    }

    /** A token for user name and password; fails unless the token endpoint answers 200. */
    public String token(String username, String password) {
        HttpResponse<String> r = postJson("/api/auth/token", Json.createObjectBuilder().add("username", username)
                .add("password", password).build().toString());
        if (r.statusCode() != 200) {
            throw new AssertionError("Login of " + username + " answered " + r.statusCode() + ": " + r.body());
        }
        return json(r).asJsonObject().getString("access_token");
    }

    /** Every response received by any client of this test JVM so far: status line, headers and body. */
    public static List<String> transcript() {
        return new ArrayList<>(TRANSCRIPT);
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

    /** GET with optional extra headers (name, value, …), returns the raw response. */
    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = request(path).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    /** POST a JSON body, returns the raw response. */
    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** PUT a JSON body, returns the raw response. */
    public HttpResponse<String> putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** PATCH a JSON body, returns the raw response. */
    public HttpResponse<String> patchJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** DELETE, returns the raw response. */
    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** POST an HTML form with extra headers (e.g. Cookie, Origin), returns the raw response. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    /** Any request, built on this client's base URL and token; for headers the helpers above do not set. */
    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
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

    /** GET a JSON array; fails unless the status is 200. */
    public JsonArray getArray(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return json(r).asJsonArray();
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

    /** Polls a JSON array until the condition holds or the timeout passes; returns the array that met it. */
    public JsonArray awaitArray(String path, Predicate<JsonArray> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonArray last = null;
        while (System.nanoTime() < deadline) {
            last = getArray(path);
            if (condition.test(last)) {
                return last;
            }
            sleep(500);
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
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            TRANSCRIPT.add(request.method() + " " + request.uri() + " -> " + response.statusCode() + "\n"
                    + response.headers().map() + "\n" + response.body());
            return response;
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
