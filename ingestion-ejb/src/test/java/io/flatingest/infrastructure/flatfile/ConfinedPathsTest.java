package io.flatingest.infrastructure.flatfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfinedPathsTest {

    @TempDir
    Path root;

    private Path landing;
    private Path outside;
    private ConfinedPaths paths;

    @BeforeEach
    void zones() throws IOException {
        landing = Files.createDirectories(root.resolve("landing"));
        outside = Files.createDirectories(root.resolve("secret"));
        Files.writeString(outside.resolve("passwd"), "x");
        Files.createDirectories(landing.resolve("in/2024"));
        Files.writeString(landing.resolve("in/2024/a.csv"), "a\n");
        paths = new ConfinedPaths(landing);
    }

    private String rejection(String userPath) {
        return assertThrows(PathRejectedException.class, () -> paths.resolve(userPath)).getMessage();
    }

    @Test
    void ordinaryRelativePathsResolveInsideEvenIfTheyDoNotExistYet() throws IOException {
        assertEquals(landing.toRealPath().resolve("in/2024/a.csv"), paths.resolve("in/2024/a.csv"));
        assertEquals(landing.toRealPath().resolve("in/new/b.csv"), paths.resolve("./in/new/b.csv"));
    }

    @Test
    void dotDotIsRefusedEvenWhenItWouldStayInside() {
        assertEquals("'..' is not allowed in a path", rejection("../secret/passwd"));
        assertEquals("'..' is not allowed in a path", rejection("in/../in/2024/a.csv"));
    }

    @Test
    void absolutePathsAndControlCharactersAreRefused() {
        assertTrue(rejection("/etc/passwd").startsWith("absolute paths are not allowed"));
        assertTrue(rejection(outside.resolve("passwd").toString()).startsWith("absolute paths are not allowed"));
        assertEquals("the path contains the control character U+0000", rejection("a.csv\0.txt"));
        assertEquals("the path contains the control character U+000A", rejection("a\n.csv"));
        assertEquals("no path given", rejection(" "));
        assertTrue(rejection("..\\secret").contains("backslash"));
    }

    @Test
    void symbolicLinksLeadingOutsideAreRefusedAtAnyLevel() throws IOException {
        Files.createSymbolicLink(landing.resolve("escape.csv"), outside.resolve("passwd"));
        Files.createSymbolicLink(landing.resolve("in/out"), outside);
        Files.createSymbolicLink(landing.resolve("dangling"), root.resolve("nowhere"));
        assertEquals("the symbolic link 'escape.csv' leads outside the base directory", rejection("escape.csv"));
        assertEquals("the symbolic link 'in/out' leads outside the base directory", rejection("in/out/passwd"));
        assertEquals("the symbolic link 'in/out' leads outside the base directory", rejection("in/out/new.csv"));
        assertEquals("the symbolic link 'dangling' points to nothing", rejection("dangling"));
    }

    @Test
    void symbolicLinksThatStayInsideAreFine() throws IOException {
        Files.createSymbolicLink(landing.resolve("latest"), landing.resolve("in/2024"));
        assertEquals(landing.toRealPath().resolve("latest/a.csv"), paths.resolve("latest/a.csv"));
        Path linkedBase = Files.createSymbolicLink(root.resolve("landing-link"), landing);
        ConfinedPaths viaLink = new ConfinedPaths(linkedBase);
        assertEquals(landing.toRealPath(), viaLink.base());
        assertEquals(landing.toRealPath().resolve("in/2024/a.csv"), viaLink.resolve("in/2024/a.csv"));
    }

    @Test
    void outputFileNames() {
        assertEquals(Optional.empty(), ConfinedPaths.fileNameProblem("export-2024.csv.gz"));
        assertEquals(Optional.empty(), ConfinedPaths.fileNameProblem("données été.tsv"));
        assertEquals(Optional.of("the file name contains a path separator"), ConfinedPaths.fileNameProblem("a/b.csv"));
        assertEquals(Optional.of("the file name contains a path separator"), ConfinedPaths.fileNameProblem("a\\b"));
        assertEquals(Optional.of("the file name starts with a dot"), ConfinedPaths.fileNameProblem(".hidden"));
        assertEquals(Optional.of("the file name starts with a dot"), ConfinedPaths.fileNameProblem(".."));
        assertEquals(Optional.of("the file name starts with a dash"), ConfinedPaths.fileNameProblem("-rf"));
        assertEquals(Optional.of("the file name is empty"), ConfinedPaths.fileNameProblem(""));
        assertEquals(Optional.of("the file name contains the control character U+0000"),
                ConfinedPaths.fileNameProblem("a\0b"));
        assertEquals(Optional.of("the file name starts or ends with white space"), ConfinedPaths.fileNameProblem("a "));
        assertEquals(Optional.empty(), ConfinedPaths.fileNameProblem("é".repeat(127) + "x"));
        assertEquals(Optional.of("the file name is longer than 255 bytes"),
                ConfinedPaths.fileNameProblem("é".repeat(128)));
    }
}
