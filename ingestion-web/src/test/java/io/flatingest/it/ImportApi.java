package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Starting imports and waiting for them through the REST API, as a client would. */
public final class ImportApi {

    private final Path dataDirectory;
    private final ApiClient api;

    public ImportApi(MicroServer server, ApiClient api) {
        this(server.dataDirectory(), api);
    }

    /** @param dataDirectory the server's data directory (its landing directory is {@code landing} in it) */
    public ImportApi(Path dataDirectory, ApiClient api) {
        this.dataDirectory = dataDirectory;
        this.api = api;
    }

    /** Puts a file into the server's landing directory; returns its name. */
    public String land(String name, byte[] content) {
        try {
            Path file = dataDirectory.resolve("landing").resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an import; returns its execution id (fails unless 202). */
    public long start(String json) {
        HttpResponse<String> r = api.postJson("/api/jobs/imports", json);
        assertEquals(202, r.statusCode(), () -> "import refused: " + r.body());
        return ApiClient.json(r).asJsonObject().getJsonNumber("executionId").longValue();
    }

    /** Waits for an execution to end; returns it. */
    public JsonObject awaitEnd(long executionId) {
        return api.await("/api/jobs/" + executionId, j -> j.containsKey("end")
                && !j.getString("status").equals("STARTED"), Duration.ofMinutes(5));
    }

    /** Starts an import, waits for its end, returns the execution. */
    public JsonObject run(String json) {
        return awaitEnd(start(json));
    }

    /** The reject file of an execution as text. */
    public String rejects(long executionId) {
        HttpResponse<String> r = api.get("/api/jobs/" + executionId + "/rejects");
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** A step's metric. */
    public static long metric(JsonObject execution, String step, String metric) {
        return execution.getJsonArray("steps").stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("name").equals(step)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + step + " in " + execution))
                .getJsonObject("metrics").getJsonNumber(metric).longValue();
    }
}
