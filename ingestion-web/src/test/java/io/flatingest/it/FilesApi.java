package io.flatingest.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** Uploads and downloads over HTTP with a bearer token, as a client of {@code /api/files} would do them. */
public final class FilesApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String token;

    public FilesApi(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** POST /api/files as multipart/form-data with the part {@code file} named {@code fileName}. */
    public HttpResponse<String> upload(String fileName, byte[] content, String query) {
        String boundary = "----flatingest" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + "/api/files" + (query == null ? "" : "?" + query)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), HttpResponse.BodyHandlers.ofString());
    }

    /** PUT /api/files/{name} with the raw content. */
    public HttpResponse<String> put(String name, byte[] content, String query) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/files/" + name + (query == null ? "" : "?" + query)))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)), HttpResponse.BodyHandlers.ofString());
    }

    /** GET a binary resource. */
    public HttpResponse<byte[]> download(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.timeout(Duration.ofMinutes(2)).build(), handler);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
