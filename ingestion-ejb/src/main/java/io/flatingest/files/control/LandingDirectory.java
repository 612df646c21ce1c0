package io.flatingest.files.control;

import io.flatingest.common.ConflictException;
import io.flatingest.files.boundary.LandingFile;
import io.flatingest.files.boundary.UploadTooLargeException;
import io.flatingest.infrastructure.flatfile.ConfinedPaths;
import io.flatingest.infrastructure.flatfile.PathRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The landing directory's files, for one directory and one size limit. An upload streams into a hidden temporary
 * file ({@code .upload-<random>.part}) and is renamed to its name only when complete, so an import never sees half
 * a file; hidden files are never listed.
 */
public final class LandingDirectory {

    /** Prefix of uploads in progress. */
    static final String TEMPORARY_PREFIX = ".upload-";

    private static final int MAX_DEPTH = 8;
    private static final int BUFFER = 64 * 1024;

    private final ConfinedPaths paths;
    private final long maxBytes;

    /**
     * @param directory the landing directory (existing)
     * @param maxBytes  the largest upload accepted
     */
    public LandingDirectory(Path directory, long maxBytes) {
        try {
            this.paths = new ConfinedPaths(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.maxBytes = maxBytes;
    }

    /** The files, subdirectories included, sorted by name; hidden files and directories left out. */
    public List<LandingFile> list() {
        Path base = paths.base();
        List<LandingFile> result = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base, MAX_DEPTH)) {
            walk.filter(p -> !p.equals(base) && !hidden(base.relativize(p)))
                    .forEach(p -> file(base, p).ifPresent(result::add));
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("Cannot list the landing directory", e instanceof IOException io ? io
                    : ((UncheckedIOException) e).getCause());
        }
        result.sort(Comparator.comparing(LandingFile::name));
        return result;
    }

    private java.util.Optional<LandingFile> file(Path base, Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (!a.isRegularFile() || !p.toRealPath().startsWith(base)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new LandingFile(base.relativize(p).toString().replace('\\', '/'), a.size(),
                    a.lastModifiedTime().toInstant()));
        } catch (IOException e) {
            return java.util.Optional.empty(); // vanished or unreadable while listing
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

    /** One file by its name; NoSuchElementException when there is none. */
    public LandingFile get(String name) {
        Path file = resolve(name);
        return file(paths.base(), file).orElseThrow(() -> new NoSuchElementException("No file '" + name
                + "' in the landing directory"));
    }

    /**
     * Stores a stream as a file of the landing directory: written to a temporary file, counted against the limit
     * while it streams, renamed when complete.
     *
     * @param name      the file name (no directories)
     * @param in        the content; read to its end, not closed
     * @param overwrite whether an existing file of that name is replaced
     * @throws IllegalArgumentException when the name is not allowed
     * @throws ConflictException        when the file exists and {@code overwrite} is false
     * @throws UploadTooLargeException  when the stream is longer than the limit (the temporary file is removed)
     */
    public LandingFile store(String name, InputStream in, boolean overwrite) {
        ConfinedPaths.fileNameProblem(name).ifPresent(problem -> {
            throw new IllegalArgumentException("File name '" + name + "' refused: " + problem);
        });
        Path target = resolve(name);
        if (!overwrite && Files.exists(target)) {
            throw new ConflictException("File '" + name + "' exists in the landing directory: delete it first or"
                    + " upload with overwrite=true");
        }
        Path temporary = paths.base().resolve(TEMPORARY_PREFIX + UUID.randomUUID() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                copyLimited(name, in, out);
            }
            move(temporary, target, overwrite, name);
            return get(name);
        } catch (IOException e) {
            throw new UncheckedIOException("Storing '" + name + "' failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // best effort: a leftover hidden .part file is never listed
            }
        }
    }

    private void copyLimited(String name, InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > maxBytes) {
                throw new UploadTooLargeException(name, maxBytes);
            }
            out.write(buffer, 0, n);
        }
    }

    private static void move(Path temporary, Path target, boolean overwrite, String name) throws IOException {
        try {
            if (overwrite) {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // No replace: a file that appeared meanwhile is not overwritten (link fails when the name exists).
                Files.createLink(target, temporary);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new ConflictException("File '" + name + "' exists in the landing directory: delete it first or"
                    + " upload with overwrite=true");
        } catch (AtomicMoveNotSupportedException | UnsupportedOperationException e) {
            Files.move(temporary, target, overwrite ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING}
                    : new StandardCopyOption[0]);
        }
    }

    /**
     * Deletes a file of the landing directory.
     *
     * @throws IllegalArgumentException when the name is not allowed
     * @throws NoSuchElementException   when there is no such file
     */
    public void delete(String name) {
        Path file = resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchElementException("No file '" + name + "' in the landing directory");
        }
        try {
            Files.delete(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchElementException("No file '" + name + "' in the landing directory");
        } catch (IOException e) {
            throw new UncheckedIOException("Deleting '" + name + "' failed: " + e.getMessage(), e);
        }
    }

    private Path resolve(String name) {
        try {
            Path file = paths.resolve(name);
            if (hidden(paths.base().relativize(file))) {
                throw new IllegalArgumentException("File '" + name + "' refused: hidden files (names starting with a"
                        + " dot) are not served");
            }
            return file;
        } catch (PathRejectedException e) {
            throw new IllegalArgumentException("File '" + name + "' refused: " + e.getMessage(), e);
        }
    }

    /** The limit in bytes. */
    public long maxBytes() {
        return maxBytes;
    }
}
