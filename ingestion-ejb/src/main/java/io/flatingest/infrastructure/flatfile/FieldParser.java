package io.flatingest.infrastructure.flatfile;

import java.util.Set;

/** Splits one record's text into field values (null for SQL NULL) according to a dialect. */
interface FieldParser {

    /**
     * @param text             the record without its line terminator
     * @param needsNormalizing what the scanner found: the CSV text needs rewriting before opencsv sees it
     */
    String[] parse(String text, boolean needsNormalizing) throws MalformedRecordException;

    /** A parser for the dialect; {@code withNulls} false reads every value as text (for the header). */
    static FieldParser of(Dialect dialect, boolean withNulls) {
        Set<String> nulls = withNulls ? dialect.nullTokens() : Set.of();
        return dialect.format() == Dialect.Format.CSV
                ? new CsvFieldParser(dialect, nulls)
                : new TsvFieldParser(dialect, nulls);
    }
}
