package io.flatingest.batch.fileexport;

import java.io.Serializable;

/**
 * Where an export's reading stands after a committed chunk.
 *
 * @param rowsRead rows handed to the chunk so far (all executions)
 * @param lastKey  the key of the last row, hex of each key column's text joined by commas
 *                 ({@link io.flatingest.transfer.control.ExportQuery#checkpointKey}), or null when there is none;
 *                 a single string because JBatch cannot deserialize array classes in checkpoints
 * @param ties     rows read so far whose key equals {@code lastKey}
 */
public record ExportReadCheckpoint(long rowsRead, String lastKey, long ties) implements Serializable {

    /** The key as separate texts, or null. */
    public String[] key() {
        return lastKey == null ? null : lastKey.split(",", -1);
    }

    /** A checkpoint for a key given as separate texts (hex: never contains a comma). */
    public static ExportReadCheckpoint of(long rowsRead, String[] key, long ties) {
        return new ExportReadCheckpoint(rowsRead, key == null ? null : String.join(",", key), ties);
    }
}
