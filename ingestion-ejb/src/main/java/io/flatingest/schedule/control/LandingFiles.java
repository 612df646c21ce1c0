package io.flatingest.schedule.control;

import io.flatingest.infrastructure.flatfile.ConfinedPaths;
import io.flatingest.infrastructure.flatfile.PathRejectedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * The landing directory as import schedules see it: files matching a glob pattern, and the archive folder
 * finished files move to. Patterns and archive folders are relative to the landing directory and confined to it.
 */
public final class LandingFiles {

    private static final int MAX_DEPTH = 8;

    private final Path landing;

    public LandingFiles(Path landing) {
        this.landing = landing;
    }

    /**
     * Checks a glob pattern ({@code *.csv}, {@code incoming/sales-*.csv.gz}, {@code **}{@code /*.tsv}).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static String checkPattern(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("filePattern is empty");
        }
        String p = pattern.strip();
        if (p.startsWith("/") || p.contains("\\") || p.equals("..") || p.startsWith("../") || p.contains("/../")
                || p.endsWith("/..")) {
            throw new IllegalArgumentException("filePattern '" + pattern + "' must stay inside the landing directory"
                    + " (relative, no '..', separators '/')");
        }
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + p);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("filePattern '" + pattern + "' is not a valid glob: "
                    + e.getDescription());
        }
        return p;
    }

    /**
     * Checks an archive folder name (relative to the landing directory).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public String checkArchive(String folder) {
        try {
            confined().resolve(folder.strip());
            return folder.strip().replaceAll("/+$", "");
        } catch (PathRejectedException e) {
            throw new IllegalArgumentException("archiveDirectory: " + e.getMessage());
        }
    }

    /**
     * Regular, visible files matching {@code pattern}, not inside {@code archive}, unchanged for at least
     * {@code settle} (a file still being written is left for a later tick), sorted by name.
     */
    public List<LandingFile> matching(String pattern, String archive, Duration settle, Instant now) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        Path archivePath = archive == null ? null : landing.resolve(archive).normalize();
        List<LandingFile> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(landing, MAX_DEPTH)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = landing.relativize(file);
                if (relative.toString().isEmpty() || hidden(relative) || !matcher.matches(relative)
                        || archivePath != null && file.startsWith(archivePath)) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue;
                }
                Instant modified = a.lastModifiedTime().toInstant();
                if (a.isRegularFile() && !modified.isAfter(now.minus(settle))) {
                    result.add(new LandingFile(relative.toString().replace('\\', '/'), a.size(),
                            Instant.ofEpochMilli(modified.toEpochMilli())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the landing directory " + landing, e);
        } catch (UncheckedIOException e) {
            // A file vanished while the directory was walked: the next tick sees the directory as it is then.
            return result;
        }
        result.sort(Comparator.comparing(LandingFile::name));
        return result;
    }

    /**
     * Moves a file into the archive folder, keeping its path below the landing directory; a file of the same name
     * there gets a numbered name instead of being replaced. Returns the new path relative to the landing directory.
     */
    public String archive(String file, String archive) throws IOException {
        ConfinedPaths confined = confined();
        Path source = confined.resolve(file);
        Path target = confined.resolve(archive + "/" + file);
        Files.createDirectories(target.getParent());
        String name = target.getFileName().toString();
        for (int i = 1; Files.exists(target); i++) {
            target = target.resolveSibling(name + "." + i);
        }
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        return confined.base().relativize(target).toString();
    }

    private ConfinedPaths confined() {
        try {
            return new ConfinedPaths(landing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path element : relative) {
            if (element.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
