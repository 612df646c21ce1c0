package io.flatingest.infrastructure.flatfile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a candidate dialect splits a sample: the usual field count, how consistently records have it, how many
 * records come out malformed, how many fields start with its quote character, and the records themselves.
 *
 * @param dialect     the candidate (no header, nothing skipped)
 * @param mode        the most frequent field count
 * @param consistency share of the records after the preamble that have {@code mode} fields
 * @param malformed   records the candidate cannot read
 * @param quotedStarts fields that start with the candidate's quote character
 * @param preamble    leading records that look like a title rather than data (too few fields)
 * @param records     the well-formed, non-blank records
 */
record Candidate(Dialect dialect, int mode, double consistency, int malformed, int quotedStarts, int preamble,
                 List<FlatRecord> records) {

    private static final int MAX_PREAMBLE = 20;

    static Candidate evaluate(Sample sample, Dialect dialect) throws IOException {
        List<FlatRecord> records = new ArrayList<>();
        int malformed = 0;
        try (FlatFileReader reader = FlatFileReader.overSample(sample.utf8(), dialect)) {
            for (FlatRecord r = reader.read(); r != null; r = reader.read()) {
                if (r.malformed()) {
                    malformed++;
                } else if (!r.blank()) {
                    records.add(r);
                }
            }
        }
        int mode = mode(records);
        int preamble = 0;
        while (preamble < Math.min(MAX_PREAMBLE, records.size() - 1)
                && records.get(preamble).fieldCount() <= Math.max(1, mode / 2)) {
            preamble++;
        }
        int consistent = 0;
        for (FlatRecord r : records.subList(preamble, records.size())) {
            consistent += r.fieldCount() == mode ? 1 : 0;
        }
        int considered = records.size() - preamble + malformed;
        double consistency = considered == 0 ? 0 : (double) consistent / considered;
        return new Candidate(dialect, mode, consistency, malformed, quotedStarts(sample.text(), dialect), preamble,
                records);
    }

    private static int mode(List<FlatRecord> records) {
        Map<Integer, Integer> counts = new HashMap<>();
        int best = 0;
        int bestCount = 0;
        for (FlatRecord r : records) {
            int count = counts.merge(r.fieldCount(), 1, Integer::sum);
            if (count > bestCount || count == bestCount && r.fieldCount() > best) {
                best = r.fieldCount();
                bestCount = count;
            }
        }
        return best;
    }

    private static int quotedStarts(String text, Dialect dialect) {
        if (!dialect.hasQuote()) {
            return 0;
        }
        int starts = 0;
        for (int i = 0; i < text.length(); i++) {
            char previous = i == 0 ? '\n' : text.charAt(i - 1);
            boolean fieldStart = previous == dialect.delimiter() || previous == '\n' || previous == '\r';
            starts += fieldStart && text.charAt(i) == dialect.quote() ? 1 : 0;
        }
        return starts;
    }

    /** Whether this candidate splits the sample better than {@code other}. */
    boolean betterThan(Candidate other) {
        if (Math.abs(consistency - other.consistency) > 1e-9) {
            return consistency > other.consistency;
        }
        if (malformed != other.malformed) {
            return malformed < other.malformed;
        }
        if ((quotedStarts > 0) != (other.quotedStarts > 0)) {
            return quotedStarts > 0;
        }
        return mode > other.mode;
    }

    /** The records after the preamble. */
    List<FlatRecord> data() {
        return records.subList(preamble, records.size());
    }
}
