package io.flatingest.batch.fileimport;

import io.flatingest.infrastructure.flatfile.ReadPosition;
import java.io.Serializable;

/**
 * Where an import stands after a committed chunk.
 *
 * @param position         the next record to read (byte offset, line, record number)
 * @param rejectFileLength length of the reject file: a restart cuts it back to this
 */
public record ImportCheckpoint(ReadPosition position, long rejectFileLength) implements Serializable {
}
