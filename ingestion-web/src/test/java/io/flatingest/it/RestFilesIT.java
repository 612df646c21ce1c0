package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/files}: uploads (multipart and raw), listing, deletion, the size limit, hostile names, roles. */
@ExtendWith(SharedMicro.class)
class RestFilesIT {

    /** The shared server's upload limit (flatingest.upload.max-bytes). */
    static final long UPLOAD_LIMIT = 2 * 1024 * 1024;

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private static MicroServer micro;
    private static ApiClient admin;
    private static FilesApi files;
    private static ApiClient viewer;
    private static FilesApi viewerFiles;

    @BeforeAll
    static void clients(MicroServer server) {
        micro = server;
        admin = ApiClient.asAdmin(server.baseUrl());
        files = new FilesApi(server.baseUrl(), admin.token(TestSecurity.ADMIN, TestSecurity.adminPassword()));
        viewer = RestUsers.create(server, admin, "files-viewer-" + RUN, "viewer");
        viewerFiles = new FilesApi(server.baseUrl(), RestUsers.token(viewer));
    }

    private static Path landing() {
        return micro.dataDirectory().resolve("landing");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertProblem(HttpResponse<String> r, int status, String detailPart) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonObject problem = ApiClient.json(r).asJsonObject();
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains(detailPart), problem.getString("detail"));
    }

    @Test
    void multipartUploadIsListedDescribedAndDeletedAndAudited() throws IOException {
        String name = "up-" + RUN + ".csv";
        HttpResponse<String> r = files.upload(name, bytes("id,name\n1,a\n2,b\n"), null);
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/api/files/" + name));
        JsonObject stored = ApiClient.json(r).asJsonObject();
        assertEquals(name, stored.getString("name"));
        assertEquals(16, stored.getJsonNumber("size").longValue());
        assertEquals("id,name\n1,a\n2,b\n", Files.readString(landing().resolve(name)));
        assertTrue(admin.getArray("/api/files").stream().anyMatch(f -> f.asJsonObject().getString("name")
                .equals(name)));
        assertEquals(16, admin.getObject("/api/files/" + name).getJsonNumber("size").longValue());
        assertEquals(204, admin.delete("/api/files/" + name).statusCode());
        assertFalse(Files.exists(landing().resolve(name)));
        assertProblem(admin.get("/api/files/" + name), 404, "No file '" + name + "'");
        assertProblem(admin.delete("/api/files/" + name), 404, name);
        String audit = admin.get("/api/audit?target=file%20" + name).body();
        assertTrue(audit.contains("FILE_UPLOADED") && audit.contains("FILE_DELETED"), audit);
    }

    @Test
    void rawUploadIntoTheLandingDirectoryAndOverwriteOnlyWhenAsked() throws IOException {
        String name = "raw-" + RUN + ".tsv";
        assertEquals(201, files.put(name, bytes("a\tb\n"), null).statusCode());
        assertProblem(files.put(name, bytes("new\n"), null), 409, "overwrite=true");
        assertProblem(files.upload(name, bytes("new\n"), null), 409, "exists");
        assertEquals("a\tb\n", Files.readString(landing().resolve(name)));
        assertEquals(201, files.put(name, bytes("new\n"), "overwrite=true").statusCode());
        assertEquals("new\n", Files.readString(landing().resolve(name)));
    }

    @Test
    void anUploadOverTheLimitIsRefusedWith413AndLeavesNothing() throws IOException {
        String name = "big-" + RUN + ".csv";
        byte[] content = new byte[(int) UPLOAD_LIMIT + 1000];
        java.util.Arrays.fill(content, (byte) 'x');
        assertProblem(files.upload(name, content, null), 413, "larger than the upload limit of " + UPLOAD_LIMIT);
        assertProblem(files.put(name, content, null), 413, "flatingest.upload.max-bytes");
        assertFalse(Files.exists(landing().resolve(name)));
        try (Stream<Path> left = Files.list(landing())) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".upload-"))
                    .toList(), "no temporary upload left behind");
        }
        byte[] exact = new byte[(int) UPLOAD_LIMIT];
        assertEquals(201, files.put("limit-" + RUN + ".bin", exact, null).statusCode(), "exactly the limit is fine");
        assertEquals(204, admin.delete("/api/files/limit-" + RUN + ".bin").statusCode());
    }

    @Test
    void hostileNamesAreRefusedAndNothingOutsideIsTouched() throws IOException {
        Path outside = micro.dataDirectory().resolve("outside-" + RUN + ".txt");
        Files.writeString(outside, "keep");
        assertProblem(files.upload("../outside-" + RUN + ".txt", bytes("evil"), "overwrite=true"), 400, "refused");
        assertProblem(files.upload(".hidden", bytes("x"), null), 400, "starts with a dot");
        assertProblem(files.put("-rf", bytes("x"), null), 400, "starts with a dash");
        assertEquals(400, admin.get("/api/files/a%5Cb.csv").statusCode(), "backslash (refused by Grizzly or by us)");
        for (String path : List.of("/api/files/%2E%2E", "/api/files/..%2Foutside-" + RUN + ".txt",
                "/api/files/%2E%2E%2Foutside-" + RUN + ".txt")) {
            int get = admin.get(path).statusCode();
            int delete = admin.delete(path).statusCode();
            assertTrue((get == 400 || get == 404) && (delete == 400 || delete == 404), path + ": " + get + "/"
                    + delete);
        }
        assertEquals("keep", Files.readString(outside));
    }

    @Test
    void viewersAndAnonymousCallersAreRefused() {
        assertProblem(viewer.get("/api/files"), 403, "role");
        assertProblem(viewerFiles.upload("v-" + RUN + ".csv", bytes("x\n"), null), 403, "role");
        assertProblem(viewer.delete("/api/files/whatever.csv"), 403, "role");
        assertProblem(new ApiClient(micro.baseUrl()).get("/api/files"), 401, "Authentication required");
        assertFalse(Files.exists(landing().resolve("v-" + RUN + ".csv")));
    }
}
