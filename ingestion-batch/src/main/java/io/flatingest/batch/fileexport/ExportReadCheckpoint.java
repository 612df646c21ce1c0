package io.flatingest.batch.fileexport;

import java.io.Serializable;

/**
 * Where an export's reading stands after a committed chunk.
 *
 * @param rowsRead rows handed to the chunk so far (all executions)
 * @param lastKey  the key of the last row as selected (hex texts), or null when the export has no key
 * @param ties     rows read so far whose key equals {@code lastKey}
 */
public record ExportReadCheckpoint(long rowsRead, String[] lastKey, long ties) implements Serializable {
}
