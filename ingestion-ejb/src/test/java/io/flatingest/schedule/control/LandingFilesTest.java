package io.flatingest.schedule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingFilesTest {

    @TempDir
    Path landing;

    private Path file(String name, Instant modified) throws Exception {
        Path p = landing.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "a\n1\n");
        Files.setLastModifiedTime(p, FileTime.from(modified));
        return p;
    }

    @Test
    void matchesThePatternSkipsHiddenArchivedAndUnsettledFiles() throws Exception {
        Instant now = Instant.parse("2025-06-01T10:00:00Z");
        Instant old = now.minusSeconds(60);
        file("b.csv", old);
        file("a.csv", old);
        file("c.tsv", old);
        file(".hidden.csv", old);
        file("fresh.csv", now.minusSeconds(2));
        file("done/x.csv", old);
        file("in/d.csv", old);
        LandingFiles files = new LandingFiles(landing);
        assertEquals(List.of("a.csv", "b.csv"), names(files.matching("*.csv", "done", Duration.ofSeconds(10), now)));
        assertEquals(List.of("in/d.csv"), names(files.matching("in/*.csv", null, Duration.ofSeconds(10), now)));
        assertEquals(List.of("in/d.csv"), names(files.matching("**/*.csv", "done", Duration.ofSeconds(10), now)));
        assertEquals(List.of("a.csv", "b.csv", "fresh.csv"), names(files.matching("*.csv", "done", Duration.ZERO, now)));
        assertEquals(4, files.matching("*.csv", null, Duration.ofSeconds(10), now).get(0).size());
    }

    @Test
    void archivingMovesIntoTheFolderWithoutReplacing() throws Exception {
        Instant old = Instant.now().minusSeconds(60);
        file("in/a.csv", old);
        LandingFiles files = new LandingFiles(landing);
        assertEquals("done/in/a.csv", files.archive("in/a.csv", "done"));
        file("in/a.csv", old);
        assertEquals("done/in/a.csv.1", files.archive("in/a.csv", "done"));
        assertTrue(Files.exists(landing.resolve("done/in/a.csv.1")));
    }

    @Test
    void patternsAndFoldersStayInsideTheLandingDirectory() {
        for (String bad : List.of("../*.csv", "/etc/*", "a/../../x", "..", "a\\b", " ")) {
            assertThrows(IllegalArgumentException.class, () -> LandingFiles.checkPattern(bad), bad);
        }
        assertEquals("*.csv", LandingFiles.checkPattern(" *.csv "));
        assertThrows(IllegalArgumentException.class, () -> new LandingFiles(landing).checkArchive("../out"));
        assertThrows(IllegalArgumentException.class, () -> new LandingFiles(landing).checkArchive("/tmp"));
        assertEquals("done", new LandingFiles(landing).checkArchive("done/"));
    }

    private static List<String> names(List<LandingFile> files) {
        return files.stream().map(LandingFile::name).toList();
    }
}
