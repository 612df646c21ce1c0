package io.flatingest.infrastructure.flatfile.write;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How an export file is written.
 *
 * @param format           CSV (RFC 4180 quoting) or TSV (ClickHouse TabSeparated escaping, never quoted)
 * @param delimiter        field separator; {@code ,} for CSV and TAB for TSV by default
 * @param quoteChar        CSV quote character, doubled inside quoted fields; ignored for TSV
 * @param quoteAll         CSV: quote every value (NULL excepted) instead of only those that need it
 * @param header           write the column names as the first line
 * @param nullToken        what NULL becomes: empty (CSV default) or e.g. {@code \N} (TSV default, ClickHouse's)
 * @param lineEnding       {@code "\n"} or {@code "\r\n"}
 * @param charset          file encoding; a character it cannot encode fails the row, naming row and column
 * @param bom              start the file with a UTF-8 byte order mark (UTF-8 only), for spreadsheets
 * @param gzip             gzip the file, one member per checkpoint
 * @param compressionLevel deflate level 1..9 when gzip
 * @param overwrite        replace an existing file of the final name on commit
 */
public record ExportFileOptions(Format format, char delimiter, char quoteChar, boolean quoteAll, boolean header,
                                String nullToken, String lineEnding, Charset charset, boolean bom, boolean gzip,
                                int compressionLevel, boolean overwrite) {

    public enum Format { CSV, TSV }

    public ExportFileOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(nullToken, "nullToken");
        Objects.requireNonNull(charset, "charset");
        if (!"\n".equals(lineEnding) && !"\r\n".equals(lineEnding)) {
            throw new IllegalArgumentException("line ending must be LF or CRLF");
        }
        if (delimiter == '\n' || delimiter == '\r' || format == Format.CSV && delimiter == quoteChar) {
            throw new IllegalArgumentException("delimiter " + printable(delimiter) + " is not usable");
        }
        if (format == Format.CSV && (quoteChar == '\0' || quoteChar == '\n' || quoteChar == '\r')) {
            throw new IllegalArgumentException("CSV needs a quote character");
        }
        if (format == Format.TSV && delimiter != '\t') {
            throw new IllegalArgumentException("TSV is separated by TAB");
        }
        if (nullToken.indexOf('\n') >= 0 || nullToken.indexOf('\r') >= 0 || nullToken.indexOf(delimiter) >= 0
                || format == Format.CSV && nullToken.indexOf(quoteChar) >= 0) {
            throw new IllegalArgumentException("the null token must not contain a delimiter, quote or line break");
        }
        if (bom && !StandardCharsets.UTF_8.equals(charset)) {
            throw new IllegalArgumentException("a byte order mark is written only for UTF-8");
        }
        if (compressionLevel < 1 || compressionLevel > 9) {
            throw new IllegalArgumentException("compression level must be 1..9");
        }
    }

    /** CSV: comma, double quotes when needed, header, NULL as empty, LF, UTF-8 without BOM, not compressed. */
    public static ExportFileOptions csv() {
        return new ExportFileOptions(Format.CSV, ',', '"', false, true, "", "\n", StandardCharsets.UTF_8, false,
                false, 6, false);
    }

    /** TSV as ClickHouse writes it: TAB, backslash escapes, NULL as {@code \N}, header, LF, UTF-8. */
    public static ExportFileOptions tsv() {
        return new ExportFileOptions(Format.TSV, '\t', '"', false, true, "\\N", "\n", StandardCharsets.UTF_8, false,
                false, 6, false);
    }

    public ExportFileOptions withDelimiter(char c) {
        return new ExportFileOptions(format, c, quoteChar, quoteAll, header, nullToken, lineEnding, charset, bom,
                gzip, compressionLevel, overwrite);
    }

    public ExportFileOptions withQuoteChar(char c) {
        return new ExportFileOptions(format, delimiter, c, quoteAll, header, nullToken, lineEnding, charset, bom,
                gzip, compressionLevel, overwrite);
    }

    public ExportFileOptions withQuoteAll(boolean all) {
        return new ExportFileOptions(format, delimiter, quoteChar, all, header, nullToken, lineEnding, charset, bom,
                gzip, compressionLevel, overwrite);
    }

    public ExportFileOptions withHeader(boolean h) {
        return new ExportFileOptions(format, delimiter, quoteChar, quoteAll, h, nullToken, lineEnding, charset, bom,
                gzip, compressionLevel, overwrite);
    }

    public ExportFileOptions withNullToken(String token) {
        return new ExportFileOptions(format, delimiter, quoteChar, quoteAll, header, token, lineEnding, charset, bom,
                gzip, compressionLevel, overwrite);
    }

    public ExportFileOptions withLineEnding(String ending) {
        return new ExportFileOptions(format, delimiter, quoteChar, quoteAll, header, nullToken, ending, charset, bom,
                gzip, compressionLevel, overwrite);
    }

    public ExportFileOptions withCharset(Charset cs) {
        return new ExportFileOptions(format, delimiter, quoteChar, quoteAll, header, nullToken, lineEnding, cs, bom,
                gzip, compressionLevel, overwrite);
    }

    public ExportFileOptions withBom(boolean b) {
        return new ExportFileOptions(format, delimiter, quoteChar, quoteAll, header, nullToken, lineEnding, charset, b,
                gzip, compressionLevel, overwrite);
    }

    public ExportFileOptions withGzip(boolean g) {
        return new ExportFileOptions(format, delimiter, quoteChar, quoteAll, header, nullToken, lineEnding, charset,
                bom, g, compressionLevel, overwrite);
    }

    public ExportFileOptions withCompressionLevel(int level) {
        return new ExportFileOptions(format, delimiter, quoteChar, quoteAll, header, nullToken, lineEnding, charset,
                bom, gzip, level, overwrite);
    }

    public ExportFileOptions withOverwrite(boolean o) {
        return new ExportFileOptions(format, delimiter, quoteChar, quoteAll, header, nullToken, lineEnding, charset,
                bom, gzip, compressionLevel, o);
    }

    private static String printable(char c) {
        return c < ' ' ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }
}
