package io.flatingest.infrastructure.flatfile;

import java.util.List;

/**
 * A proposed dialect with one short reason per decision, for the user to confirm or correct.
 *
 * @param dialect    the proposal
 * @param reasons    one sentence per decision (charset, delimiter, quote, escapes, preamble, header, nulls, trim)
 * @param lineEnding the line ending seen in the sample: LF, CRLF, CR, mixed or none (informational)
 * @param compressed whether the file is gzip-compressed
 */
public record DetectedDialect(Dialect dialect, List<String> reasons, String lineEnding, boolean compressed) {

    public DetectedDialect {
        reasons = List.copyOf(reasons);
    }
}
