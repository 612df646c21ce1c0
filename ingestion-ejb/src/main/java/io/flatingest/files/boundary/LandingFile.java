package io.flatingest.files.boundary;

import java.time.Instant;

/**
 * A file in the landing directory.
 *
 * @param name     path relative to the landing directory, with {@code /} between directories; what an import names
 * @param size     size in bytes
 * @param modified last modification time
 */
public record LandingFile(String name, long size, Instant modified) {
}
