package io.flatingest.infrastructure.flatfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether the first record holds column names: names above typed columns (numbers, dates, booleans) are the strongest
 * evidence; failing that, a first row of unique, name-like texts that never repeat below.
 *
 * @param header whether the first record is a header
 * @param reason why, as a sentence
 */
record HeaderGuess(boolean header, String reason) {

    private static final Pattern TYPED = Pattern.compile(
            "[-+]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][-+]?\\d+)?|\\d{4}-\\d{1,2}-\\d{1,2}([ T].*)?"
            + "|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}( .*)?|(?i:true|false)");
    private static final Pattern NAME_LIKE = Pattern.compile("[\\p{L}_#][\\p{L}\\p{N}_ .()/#%$:-]{0,63}");
    private static final int ROWS = 200;

    static HeaderGuess of(List<FlatRecord> records) {
        if (records.isEmpty()) {
            return new HeaderGuess(false, "no records to judge");
        }
        String[] first = records.get(0).fields();
        List<FlatRecord> rest = records.subList(1, Math.min(records.size(), ROWS + 1));
        List<Integer> namesOverTyped = new ArrayList<>();
        List<Integer> valuesOverTyped = new ArrayList<>();
        for (int column = 0; column < first.length; column++) {
            if (first[column] != null && !first[column].isBlank() && typedColumn(rest, column)) {
                boolean typedFirst = TYPED.matcher(first[column].strip()).matches();
                (typedFirst ? valuesOverTyped : namesOverTyped).add(column + 1);
            }
        }
        if (!valuesOverTyped.isEmpty()) {
            return new HeaderGuess(false, "no header: the first row holds values like the rows below (columns "
                    + valuesOverTyped + ")");
        }
        if (!namesOverTyped.isEmpty()) {
            return new HeaderGuess(true, "header: the first row has names above numbers/dates (columns "
                    + namesOverTyped + ")");
        }
        if (uniqueNames(first) && !repeatedBelow(first, rest)) {
            return new HeaderGuess(true, "header: the first row has unique, non-numeric names not repeated below");
        }
        return new HeaderGuess(false, "no header: the first row does not look like a row of unique names");
    }

    private static boolean typedColumn(List<FlatRecord> rest, int column) {
        int values = 0;
        int typed = 0;
        for (FlatRecord r : rest) {
            String v = column < r.fieldCount() ? r.fields()[column] : null;
            if (v != null && !v.isBlank()) {
                values++;
                typed += TYPED.matcher(v.strip()).matches() ? 1 : 0;
            }
        }
        return values > 0 && typed >= values * 0.8;
    }

    private static boolean uniqueNames(String[] first) {
        Set<String> seen = new HashSet<>();
        for (String name : first) {
            if (name == null || !NAME_LIKE.matcher(name.strip()).matches() || !seen.add(name.strip())) {
                return false;
            }
        }
        return true;
    }

    private static boolean repeatedBelow(String[] first, List<FlatRecord> rest) {
        for (FlatRecord r : rest) {
            for (int column = 0; column < Math.min(first.length, r.fieldCount()); column++) {
                if (first[column].equals(r.fields()[column])) {
                    return true;
                }
            }
        }
        return false;
    }
}
