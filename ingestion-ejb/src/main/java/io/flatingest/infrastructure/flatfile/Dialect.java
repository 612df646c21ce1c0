package io.flatingest.infrastructure.flatfile;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a flat file is written: format, delimiter, quoting, escapes, header, preamble, null tokens, charset, trimming.
 *
 * <p>Null semantics: {@code nullTokens} are compared with the field value after unquoting and unescaping, with two
 * exact exceptions. The empty token {@code ""} only matches an <em>unquoted</em> empty field; a quoted empty field
 * ({@code ""}) is always the empty string. In TSV with backslash escapes the token {@code \N} matches the raw field
 * {@code \N} only, so the escaped {@code \\N} stays the two-character string {@code \N}.
 *
 * @param format      CSV (quote-aware, parsed with opencsv) or TSV (ClickHouse TabSeparated rules)
 * @param delimiter   field delimiter, a single ASCII character other than CR and LF
 * @param quote       quote character, or {@link #NO_QUOTE}; a quote opens a quoted field only at the start of a field
 * @param escape      how a quote (CSV) or special characters (TSV) are escaped
 * @param header      whether the first record after the skipped lines holds column names
 * @param skipLines   physical lines skipped raw (no quote parsing) before the header or the data
 * @param nullTokens  field values read as SQL NULL
 * @param encoding    charset name; UTF-8 by default; a byte-order mark in the file takes precedence
 * @param trim        whether spaces and tabs around unquoted values and around quoted fields are ignored
 */
public record Dialect(Format format, char delimiter, char quote, EscapeMode escape, boolean header, int skipLines,
                      Set<String> nullTokens, String encoding, boolean trim) {

    /** The {@link #quote()} value meaning "this dialect has no quote character". */
    public static final char NO_QUOTE = '\0';

    /** File format family. */
    public enum Format { CSV, TSV }

    /** Escape convention inside fields. */
    public enum EscapeMode {
        /** RFC 4180: a quote inside a quoted field is written twice ({@code ""}). */
        DOUBLED_QUOTE,
        /** Backslash escapes: ClickHouse TabSeparated escapes in TSV; {@code \"} and {@code \\} inside CSV quotes. */
        BACKSLASH,
        /** No escapes at all. */
        NONE
    }

    public Dialect {
        nullTokens = nullTokens == null ? Set.of() : Set.copyOf(nullTokens);
        encoding = encoding == null || encoding.isBlank() ? "UTF-8" : encoding.trim();
    }

    /**
     * ClickHouse-compatible CSV: comma, double quote, RFC 4180 doubled quotes, a header line, UTF-8, no trimming, and
     * nulls {@code ""} (unquoted empty) and {@code \N}. That is how ClickHouse reads CSV itself: {@code \N} is NULL and
     * an unquoted empty field is the column default, which is NULL for a Nullable column, while {@code ""} is an
     * empty string.
     */
    public static Dialect csv() {
        return new Dialect(Format.CSV, ',', '"', EscapeMode.DOUBLED_QUOTE, true, 0, Set.of("", "\\N"), "UTF-8", false);
    }

    /**
     * ClickHouse TabSeparated with names (TSVWithNames): tab, no quoting, backslash escapes, a header line, UTF-8,
     * null {@code \N}. An empty TSV field is an empty string, as in ClickHouse.
     */
    public static Dialect tsv() {
        return new Dialect(Format.TSV, '\t', NO_QUOTE, EscapeMode.BACKSLASH, true, 0, Set.of("\\N"), "UTF-8", false);
    }

    public Dialect withDelimiter(char newDelimiter) {
        return new Dialect(format, newDelimiter, quote, escape, header, skipLines, nullTokens, encoding, trim);
    }

    public Dialect withQuote(char newQuote) {
        return new Dialect(format, delimiter, newQuote, escape, header, skipLines, nullTokens, encoding, trim);
    }

    public Dialect withEscape(EscapeMode newEscape) {
        return new Dialect(format, delimiter, quote, newEscape, header, skipLines, nullTokens, encoding, trim);
    }

    public Dialect withHeader(boolean newHeader) {
        return new Dialect(format, delimiter, quote, escape, newHeader, skipLines, nullTokens, encoding, trim);
    }

    public Dialect withSkipLines(int newSkipLines) {
        return new Dialect(format, delimiter, quote, escape, header, newSkipLines, nullTokens, encoding, trim);
    }

    public Dialect withNullTokens(Set<String> newNullTokens) {
        return new Dialect(format, delimiter, quote, escape, header, skipLines, newNullTokens, encoding, trim);
    }

    public Dialect withEncoding(String newEncoding) {
        return new Dialect(format, delimiter, quote, escape, header, skipLines, nullTokens, newEncoding, trim);
    }

    public Dialect withTrim(boolean newTrim) {
        return new Dialect(format, delimiter, quote, escape, header, skipLines, nullTokens, encoding, newTrim);
    }

    /** Whether a quote character is configured. */
    public boolean hasQuote() {
        return quote != NO_QUOTE;
    }

    /** The charset for {@link #encoding()}; call {@link #validate()} first, this throws for an unknown name. */
    public Charset charset() {
        return Charset.forName(encoding);
    }

    /** Problems that make this dialect unusable, as sentences for the user; empty when the dialect is valid. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (format == null || escape == null) {
            problems.add("format and escape mode are required");
            return problems;
        }
        checkSpecialChar("delimiter", delimiter, problems);
        if (hasQuote()) {
            checkSpecialChar("quote character", quote, problems);
            if (quote == delimiter) {
                problems.add("the delimiter and the quote character must differ");
            }
        }
        if (escape == EscapeMode.BACKSLASH && (delimiter == '\\' || quote == '\\')) {
            problems.add("the backslash cannot be the delimiter or quote character when it is the escape character");
        }
        if (format == Format.TSV && hasQuote()) {
            problems.add("TSV has no quoting; for quoted tab-separated files use format CSV with delimiter TAB");
        }
        if (format == Format.TSV && escape == EscapeMode.DOUBLED_QUOTE) {
            problems.add("TSV has no quotes to double; use escape mode BACKSLASH or NONE");
        }
        if (format == Format.CSV && hasQuote() && escape == EscapeMode.NONE) {
            problems.add("CSV with a quote character needs escape mode DOUBLED_QUOTE or BACKSLASH");
        }
        if (format == Format.CSV && !hasQuote() && escape != EscapeMode.NONE) {
            problems.add("CSV escapes only apply inside quotes; without a quote character use escape mode NONE");
        }
        if (skipLines < 0) {
            problems.add("lines to skip must not be negative");
        }
        checkEncoding(problems);
        return problems;
    }

    private static void checkSpecialChar(String what, char c, List<String> problems) {
        if (c == '\r' || c == '\n') {
            problems.add("the " + what + " must not be CR or LF");
        } else if (c == '\0' || c > 0x7F) {
            problems.add("the " + what + " must be a single ASCII character, not U+%04X".formatted((int) c));
        }
    }

    private void checkEncoding(List<String> problems) {
        try {
            if (!Charset.isSupported(encoding)) {
                problems.add("unsupported charset '" + encoding + "'");
            }
        } catch (IllegalCharsetNameException e) {
            problems.add("unsupported charset '" + encoding + "' (illegal name)");
        }
    }

    @Override
    public String toString() {
        return "Dialect[%s delimiter=%s quote=%s escape=%s header=%s skip=%d nulls=%s charset=%s trim=%s]".formatted(
                format, printable(delimiter), hasQuote() ? printable(quote) : "none", escape, header, skipLines,
                nullTokens, encoding, trim);
    }

    private static String printable(char c) {
        return c == '\t' ? "TAB" : Objects.toString(c);
    }
}
