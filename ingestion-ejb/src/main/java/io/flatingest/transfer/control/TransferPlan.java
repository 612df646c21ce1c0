package io.flatingest.transfer.control;

import java.util.Properties;

/**
 * A validated transfer, ready to start.
 *
 * @param parameters the job parameters
 * @param source     what is read, in words (for the report)
 * @param target     what is written, in words
 * @param totalBytes the size of a source file, or null
 */
public record TransferPlan(Properties parameters, String source, String target, Long totalBytes) {
}
