package io.flatingest.infrastructure.flatfile;

import java.util.List;

/**
 * The header record: column names as written (byte-order mark and surrounding spaces removed) and what is wrong with
 * them (empty or duplicate names), as sentences. A header with problems is still returned; the caller decides.
 *
 * @param names    column names in file order
 * @param problems empty or duplicate names, undecodable bytes; empty when the header is usable as is
 * @param line     1-based physical line of the header
 */
public record Header(List<String> names, List<String> problems, long line) {

    public Header {
        names = List.copyOf(names);
        problems = List.copyOf(problems);
    }
}
