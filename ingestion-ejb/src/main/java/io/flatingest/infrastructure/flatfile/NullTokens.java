package io.flatingest.infrastructure.flatfile;

import java.util.Arrays;
import java.util.Set;

/** Fast matching of field values against a dialect's null tokens, comparing lengths before contents. */
final class NullTokens {

    private final String[] tokens;
    private final boolean emptyIsNull;
    private final int minLength;
    private final int maxLength;

    /**
     * Tokens to match after unquoting/unescaping. The empty token is kept apart (it only applies to unquoted empty
     * fields) and {@code excluded} is left out (TSV matches {@code \N} on the raw field instead).
     */
    NullTokens(Set<String> all, String excluded) {
        this.emptyIsNull = all.contains("");
        this.tokens = all.stream().filter(t -> !t.isEmpty() && !t.equals(excluded)).toArray(String[]::new);
        this.minLength = Arrays.stream(tokens).mapToInt(String::length).min().orElse(Integer.MAX_VALUE);
        this.maxLength = Arrays.stream(tokens).mapToInt(String::length).max().orElse(-1);
    }

    /** Whether an unquoted empty field is NULL. */
    boolean emptyIsNull() {
        return emptyIsNull;
    }

    /** Whether a non-empty value is one of the tokens. */
    boolean matches(String value) {
        int length = value.length();
        if (length < minLength || length > maxLength) {
            return false;
        }
        for (String token : tokens) {
            if (token.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
