package io.flatingest.infrastructure.flatfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Proposes a {@link Dialect} from the first kilobytes of a file (inflated first if gzip), with a reason for each
 * decision. Every candidate delimiter (comma, semicolon, tab, pipe) and quote ({@code "}, none, {@code '}) is tried
 * with the real reader on the sample; the one whose records most consistently have the same field count wins.
 */
public final class DialectDetector {

    /** Default sample: 64 KiB. */
    public static final int DEFAULT_SAMPLE_SIZE = 64 * 1024;

    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final char[] QUOTES = {'"', Dialect.NO_QUOTE, '\''};

    private DialectDetector() {
    }

    public static DetectedDialect detect(Path file) throws IOException {
        return detect(file, DEFAULT_SAMPLE_SIZE);
    }

    public static DetectedDialect detect(Path file, int sampleSize) throws IOException {
        return detect(Sample.read(file, sampleSize));
    }

    static DetectedDialect detect(Sample sample) throws IOException {
        List<String> reasons = new ArrayList<>();
        reasons.add("charset: " + sample.charsetReason());
        Candidate best = bestCandidate(sample);
        Dialect dialect;
        if (best == null) {
            dialect = Dialect.csv().withHeader(true);
            reasons.add("delimiter: none of , ; TAB | splits the sample into columns; one column, comma assumed");
            best = Candidate.evaluate(sample, dialect.withHeader(false));
        } else {
            reasons.add("delimiter: %s (%d fields in %.0f%% of the records)".formatted(
                    name(best.dialect().delimiter()), best.mode(), best.consistency() * 100));
            dialect = best.dialect().delimiter() == '\t' && best.quotedStarts() == 0
                    ? tsv(sample, reasons) : csv(best, reasons);
        }
        if (best.preamble() > 0) {
            int skip = (int) best.data().get(0).line() - 1;
            dialect = dialect.withSkipLines(skip);
            reasons.add("skip " + skip + " line(s): a preamble with fewer fields than the data");
        }
        HeaderGuess header = HeaderGuess.of(best.data());
        reasons.add(header.reason());
        dialect = nullsAndTrim(dialect.withHeader(header.header()).withEncoding(sample.charset().name()), best,
                reasons);
        return new DetectedDialect(dialect, reasons, sample.lineEnding(), sample.compressed());
    }

    private static Candidate bestCandidate(Sample sample) throws IOException {
        Candidate best = null;
        for (char delimiter : DELIMITERS) {
            for (char quote : QUOTES) {
                for (Dialect dialect : variants(sample.text(), delimiter, quote)) {
                    Candidate candidate = Candidate.evaluate(sample, dialect);
                    if (candidate.mode() >= 2 && (best == null || candidate.betterThan(best))) {
                        best = candidate;
                    }
                }
            }
        }
        return best;
    }

    /** The plain candidate, plus backslash escapes or trimming when the sample shows signs of them. */
    private static List<Dialect> variants(String text, char delimiter, char quote) {
        Dialect base = Dialect.csv().withHeader(false).withNullTokens(Set.of("")).withDelimiter(delimiter)
                .withQuote(quote).withEscape(quote == Dialect.NO_QUOTE ? Dialect.EscapeMode.NONE
                        : Dialect.EscapeMode.DOUBLED_QUOTE);
        List<Dialect> variants = new ArrayList<>(List.of(base));
        if (quote != Dialect.NO_QUOTE && text.contains("\\" + quote)) {
            variants.add(base.withEscape(Dialect.EscapeMode.BACKSLASH));
        }
        if (quote != Dialect.NO_QUOTE && text.contains(delimiter + " " + quote)) {
            variants.add(base.withTrim(true));
        }
        return variants;
    }

    private static Dialect csv(Candidate best, List<String> reasons) {
        Dialect dialect = best.dialect();
        if (!dialect.hasQuote()) {
            reasons.add("quote: none (quote characters would split the sample worse)");
        } else if (best.quotedStarts() > 0) {
            reasons.add("quote: %s (%d fields start with it)".formatted(name(dialect.quote()), best.quotedStarts()));
        } else {
            reasons.add("quote: \" (no quoted fields seen; the usual default)");
        }
        if (dialect.escape() == Dialect.EscapeMode.BACKSLASH) {
            reasons.add("escape: backslash (\\" + dialect.quote() + " inside quoted fields)");
        } else if (dialect.hasQuote()) {
            reasons.add("escape: doubled quotes (RFC 4180)");
        }
        return dialect.withNullTokens(Dialect.csv().nullTokens());
    }

    private static Dialect tsv(Sample sample, List<String> reasons) {
        String bad = TsvEscapes.firstInvalid(sample.text());
        boolean any = sample.text().indexOf('\\') >= 0;
        reasons.add("format: TSV (tab-separated, no quoted fields)");
        if (bad != null) {
            reasons.add("escape: none (backslash sequence " + bad + " is not a TabSeparated escape)");
            return Dialect.tsv().withEscape(Dialect.EscapeMode.NONE);
        }
        reasons.add(any ? "escape: backslash (only ClickHouse TabSeparated escapes seen)"
                : "escape: backslash (no backslashes seen; ClickHouse TabSeparated convention)");
        return Dialect.tsv();
    }

    private static Dialect nullsAndTrim(Dialect dialect, Candidate best, List<String> reasons) {
        int empty = 0;
        int backslashN = 0;
        int upper = 0;
        int lower = 0;
        int values = 0;
        int padded = 0;
        for (FlatRecord r : best.data()) {
            for (String v : r.fields()) {
                empty += v == null ? 1 : 0;
                backslashN += "\\N".equals(v) ? 1 : 0;
                upper += "NULL".equals(v) ? 1 : 0;
                lower += "null".equals(v) ? 1 : 0;
                if (v != null && !v.isEmpty()) {
                    values++;
                    padded += v.startsWith(" ") || v.endsWith(" ") ? 1 : 0;
                }
            }
        }
        Set<String> tokens = new LinkedHashSet<>(dialect.nullTokens());
        if (upper > 0) {
            tokens.add("NULL");
        }
        if (lower > 0) {
            tokens.add("null");
        }
        reasons.add("nulls: %s (\\N %d, NULL %d, null %d, empty %d in the sample)".formatted(tokens, backslashN,
                upper, lower, empty));
        boolean trim = best.dialect().trim() || values > 0 && padded >= values * 0.25;
        reasons.add(trim ? "trim: on (values padded with spaces)" : "trim: off");
        return dialect.withNullTokens(tokens).withTrim(trim);
    }

    private static String name(char c) {
        return switch (c) {
            case '\t' -> "TAB";
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            default -> String.valueOf(c);
        };
    }
}
