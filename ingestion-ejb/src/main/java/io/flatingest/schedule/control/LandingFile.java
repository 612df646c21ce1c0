package io.flatingest.schedule.control;

import java.time.Instant;

/**
 * A file in the landing directory as a schedule sees it; the three values are its claim key.
 *
 * @param name     path relative to the landing directory, with {@code /} separators
 * @param size     bytes
 * @param modified last modification time (milliseconds)
 */
public record LandingFile(String name, long size, Instant modified) {
}
