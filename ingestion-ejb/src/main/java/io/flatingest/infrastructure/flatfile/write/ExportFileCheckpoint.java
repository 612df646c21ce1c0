package io.flatingest.infrastructure.flatfile.write;

import java.io.Serializable;

/**
 * Where an export file stood at a checkpoint: a restart truncates the temporary file to {@code fileLength} and goes
 * on from row {@code rows + 1}. A byte length rather than a row count, because truncating is the only way to
 * remove what a failed chunk wrote after it, and because gzip members end exactly there.
 *
 * @param fileLength bytes of the temporary file (compressed, when gzip)
 * @param rows       data rows written, header excluded
 * @param textBytes  bytes of text before compression (equal to {@code fileLength} without gzip)
 */
public record ExportFileCheckpoint(long fileLength, long rows, long textBytes) implements Serializable {

    public ExportFileCheckpoint {
        if (fileLength < 0 || rows < 0 || textBytes < 0) {
            throw new IllegalArgumentException("negative checkpoint value");
        }
    }
}
