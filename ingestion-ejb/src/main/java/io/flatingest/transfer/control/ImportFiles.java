package io.flatingest.transfer.control;

import io.flatingest.infrastructure.flatfile.ConfinedPaths;
import io.flatingest.infrastructure.flatfile.PathRejectedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where an import's files are: the source in the landing directory and the per-instance work files. */
@ApplicationScoped
public class ImportFiles {

    @Inject
    TransferDirectories directories;

    /**
     * The file a user named, confined to the landing directory.
     *
     * @throws IllegalArgumentException when the path escapes the landing directory or is not a readable file
     */
    public Path source(String userPath) {
        Path file;
        try {
            file = new ConfinedPaths(directories.landing()).resolve(userPath);
        } catch (PathRejectedException e) {
            throw new IllegalArgumentException("File '" + userPath + "' refused: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("File '" + userPath + "' does not exist in the landing directory");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("File '" + userPath + "' is not readable");
        }
        return file;
    }

    /**
     * The source file, checked against the size and modification time it had when the import started: a restart
     * must read the same bytes the checkpoints point into.
     */
    public Path unchangedSource(String userPath, long size, long modified) {
        Path file = source(userPath);
        try {
            long nowSize = Files.size(file);
            long nowModified = Files.getLastModifiedTime(file).toMillis();
            if (nowSize != size || nowModified != modified) {
                throw new IllegalStateException("File '" + userPath + "' changed since the import started (size "
                        + size + " → " + nowSize + " bytes): its checkpoints no longer apply. Start a new import.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The work directory of an import (named by its import id, unique like its staging table). */
    public Path workDirectory(String importId) {
        if (!importId.matches("[a-z0-9]{1,40}")) {
            throw new IllegalArgumentException("Invalid import id " + importId);
        }
        return directories.work().resolve("import-" + importId);
    }

    /** The reject file of one partition. */
    public Path rejectFile(String importId, int partition) {
        return workDirectory(importId).resolve(String.format("rejects-%03d.csv", partition));
    }

    /** The reject files of an import in file order (partition order). */
    public List<Path> rejectFiles(String importId) {
        Path dir = workDirectory(importId);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("rejects-\\d{3}\\.csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
