package io.flatingest.infrastructure.flatfile.schema;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns header names into identifiers that need no quoting in ClickHouse: accents dropped, anything else that is not
 * a letter, digit or underscore replaced by an underscore, a leading digit prefixed, {@code c1..cN} for missing or
 * empty names, and a numeric suffix for names that clash (ignoring case, so {@code ID} and {@code id} stay apart).
 */
final class ColumnNames {

    private ColumnNames() {
    }

    static List<String> of(List<String> header, int count) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String source = header != null && i < header.size() ? header.get(i) : null;
            String base = source == null ? "" : identifier(source);
            String name = base.isEmpty() ? "c" + (i + 1) : base;
            for (int suffix = 2; !used.add(name.toLowerCase(Locale.ROOT)); suffix++) {
                name = (base.isEmpty() ? "c" + (i + 1) : base) + "_" + suffix;
            }
            names.add(name);
        }
        return names;
    }

    static String identifier(String source) {
        String ascii = Normalizer.normalize(source.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String cleaned = ascii.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("_{2,}", "_")
                .replaceAll("^_+|_+$", "");
        if (!cleaned.isEmpty() && Character.isDigit(cleaned.charAt(0))) {
            cleaned = "c_" + cleaned;
        }
        return cleaned;
    }
}
