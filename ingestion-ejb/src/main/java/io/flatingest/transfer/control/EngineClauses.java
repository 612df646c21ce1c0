package io.flatingest.transfer.control;

import java.util.ArrayList;
import java.util.List;

/** Rewrites ClickHouse engine clauses (as {@code system.tables.engine_full} prints them). */
final class EngineClauses {

    private EngineClauses() {
    }

    /**
     * The same engine without replication: {@code ReplicatedReplacingMergeTree('/zk/path', '{replica}', ver) ORDER BY
     * k} becomes {@code ReplacingMergeTree(ver) ORDER BY k}. The ZooKeeper path and replica name (the first two
     * arguments, absent when the server supplies defaults) are dropped; everything else is kept.
     */
    static String withoutReplication(String engineFull) {
        String text = engineFull.strip();
        if (!text.startsWith("Replicated")) {
            return text;
        }
        int nameEnd = 0;
        while (nameEnd < text.length() && Character.isLetterOrDigit(text.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = text.substring("Replicated".length(), nameEnd);
        if (nameEnd >= text.length() || text.charAt(nameEnd) != '(') {
            return name + text.substring(nameEnd);
        }
        int close = matchingParenthesis(text, nameEnd);
        List<String> args = splitArguments(text.substring(nameEnd + 1, close));
        List<String> kept = args.size() >= 2 ? args.subList(2, args.size()) : List.of();
        String rest = text.substring(close + 1);
        return name + (kept.isEmpty() ? "" : "(" + String.join(", ", kept) + ")") + rest;
    }

    private static int matchingParenthesis(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '\'') {
                    quoted = false;
                }
            } else if (c == '\'') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unbalanced engine clause: " + text);
    }

    private static List<String> splitArguments(String args) {
        List<String> result = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '\'') {
                    quoted = false;
                }
            } else if (c == '\'') {
                quoted = true;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                result.add(args.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (!args.isBlank()) {
            result.add(args.substring(start).strip());
        }
        return result;
    }
}
