package io.flatingest.files.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flatingest.common.ConflictException;
import io.flatingest.files.boundary.LandingFile;
import io.flatingest.files.boundary.UploadTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingDirectoryTest {

    @TempDir
    Path root;

    private Path landing;
    private LandingDirectory directory;

    @BeforeEach
    void directory() throws IOException {
        landing = Files.createDirectories(root.resolve("landing"));
        Files.writeString(root.resolve("secret.txt"), "secret");
        directory = new LandingDirectory(landing, 1000);
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void storeWritesTheFileAndListsItWithSizeAndTime() throws IOException {
        LandingFile stored = directory.store("a.csv", text("id\n1\n"), false);
        assertEquals("a.csv", stored.name());
        assertEquals(5, stored.size());
        assertEquals("id\n1\n", Files.readString(landing.resolve("a.csv")));
        Files.createDirectories(landing.resolve("in/2024"));
        Files.writeString(landing.resolve("in/2024/b.tsv"), "x");
        Files.writeString(landing.resolve(".hidden"), "x");
        assertEquals(List.of("a.csv", "in/2024/b.tsv"), directory.list().stream().map(LandingFile::name).toList());
        assertEquals(Files.getLastModifiedTime(landing.resolve("a.csv")).toInstant(), directory.get("a.csv").modified());
    }

    @Test
    void anUploadOverTheLimitLeavesNothingBehind() throws IOException {
        InputStream big = new InputStream() {
            private long left = 5000;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }
        };
        UploadTooLargeException e = assertThrows(UploadTooLargeException.class,
                () -> directory.store("big.csv", big, false));
        assertTrue(e.getMessage().contains("1000 bytes"), e.getMessage());
        assertEquals(1000, e.limit());
        try (Stream<Path> files = Files.list(landing)) {
            assertEquals(0, files.count());
        }
        assertEquals(1000, directory.store("exact.csv", text("y".repeat(1000)), false).size());
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAsked() throws IOException {
        directory.store("a.csv", text("old"), false);
        assertThrows(ConflictException.class, () -> directory.store("a.csv", text("new"), false));
        assertEquals("old", Files.readString(landing.resolve("a.csv")));
        directory.store("a.csv", text("new"), true);
        assertEquals("new", Files.readString(landing.resolve("a.csv")));
        try (Stream<Path> files = Files.list(landing)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void hostileNamesAreRefused() {
        for (String name : List.of("../secret.txt", "/etc/passwd", "..", ".hidden", "-rf", "a/b.csv", "a\\b.csv",
                "a\u0000b", " a.csv", "")) {
            assertThrows(IllegalArgumentException.class, () -> directory.store(name, text("x"), true), name);
        }
        for (String name : List.of("../secret.txt", "/etc/passwd", "..", ".upload-x.part")) {
            assertThrows(IllegalArgumentException.class, () -> directory.delete(name), name);
            assertThrows(IllegalArgumentException.class, () -> directory.get(name), name);
        }
        assertTrue(Files.exists(root.resolve("secret.txt")));
    }

    @Test
    void aLinkOutOfTheLandingDirectoryIsNeitherListedNorServed() throws IOException {
        Files.createSymbolicLink(landing.resolve("link.csv"), root.resolve("secret.txt"));
        assertTrue(directory.list().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> directory.get("link.csv"));
        assertThrows(IllegalArgumentException.class, () -> directory.delete("link.csv"));
        assertTrue(Files.exists(root.resolve("secret.txt")));
    }

    @Test
    void deleteRemovesTheFileAndSaysWhenThereIsNone() throws IOException {
        directory.store("a.csv", text("x"), false);
        directory.delete("a.csv");
        assertFalse(Files.exists(landing.resolve("a.csv")));
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> directory.delete("a.csv"));
        assertTrue(e.getMessage().contains("'a.csv'"));
    }
}
