package io.flatingest.infrastructure.clickhouse.type;

import io.flatingest.infrastructure.clickhouse.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses ClickHouse type text ({@code Nullable(Decimal(18, 4))}, {@code Enum8('a' = 1)},
 * {@code DateTime64(3, 'Europe/Berlin')}, {@code Map(String, Array(UInt8))}, …) into {@link ClickHouseType}.
 *
 * <p>Accepts what servers 18.16 to 25.x print, plus the SQL-style aliases users type when they edit a proposed
 * schema ({@code BIGINT}, {@code VARCHAR}, {@code DOUBLE}, …). Malformed text throws
 * {@link IllegalArgumentException} with the position; well-formed but unsupported types parse to
 * {@link ClickHouseType.Unsupported}.
 */
public final class ClickHouseTypes {

    private static final Map<String, ClickHouseType.Base> ALIASES = Map.ofEntries(
            Map.entry("TINYINT", ClickHouseType.Base.INT8), Map.entry("INT1", ClickHouseType.Base.INT8),
            Map.entry("BYTE", ClickHouseType.Base.INT8), Map.entry("SMALLINT", ClickHouseType.Base.INT16),
            Map.entry("INT", ClickHouseType.Base.INT32), Map.entry("INTEGER", ClickHouseType.Base.INT32),
            Map.entry("BIGINT", ClickHouseType.Base.INT64), Map.entry("FLOAT", ClickHouseType.Base.FLOAT32),
            Map.entry("REAL", ClickHouseType.Base.FLOAT32), Map.entry("DOUBLE", ClickHouseType.Base.FLOAT64),
            Map.entry("TEXT", ClickHouseType.Base.STRING), Map.entry("VARCHAR", ClickHouseType.Base.STRING),
            Map.entry("CHAR", ClickHouseType.Base.STRING), Map.entry("CLOB", ClickHouseType.Base.STRING),
            Map.entry("BLOB", ClickHouseType.Base.STRING), Map.entry("BOOLEAN", ClickHouseType.Base.BOOL),
            Map.entry("BOOL", ClickHouseType.Base.BOOL));

    /** Family names in their canonical spelling, found case-insensitively (users type {@code datetime}). */
    private static final Map<String, String> CANONICAL = canonicalNames();

    private final String text;
    private int pos;

    private static Map<String, String> canonicalNames() {
        Map<String, String> names = new java.util.HashMap<>();
        for (String n : List.of("Nullable", "LowCardinality", "Array", "Map", "Tuple", "FixedString", "Decimal",
                "Decimal32", "Decimal64", "Decimal128", "Decimal256", "DateTime", "DateTime64", "Enum8", "Enum16",
                "Enum", "SimpleAggregateFunction")) {
            names.put(n.toUpperCase(Locale.ROOT), n);
        }
        for (ClickHouseType.Base b : ClickHouseType.Base.values()) {
            names.put(b.typeName().toUpperCase(Locale.ROOT), b.typeName());
        }
        return names;
    }

    private ClickHouseTypes(String text) {
        this.text = text;
    }

    /**
     * Parses one type.
     *
     * @throws IllegalArgumentException when the text is not a well-formed type
     */
    public static ClickHouseType parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Empty type");
        }
        ClickHouseTypes parser = new ClickHouseTypes(text);
        ClickHouseType type = parser.type();
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected '" + text.substring(parser.pos) + "'");
        }
        return type;
    }

    /** Renders a string literal in ClickHouse syntax: single quotes, backslash escapes. */
    public static String quote(String value) {
        return Identifiers.literal(value);
    }

    static String quoteIdentifierIfNeeded(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : Identifiers.quote(name);
    }

    private ClickHouseType type() {
        skipSpace();
        int start = pos;
        String typed = identifier();
        String name = CANONICAL.getOrDefault(typed.toUpperCase(Locale.ROOT), typed);
        skipSpace();
        boolean hasArgs = peek() == '(';
        return switch (name) {
            case "Nullable" -> new ClickHouseType.Nullable(singleTypeArg(name));
            case "LowCardinality" -> new ClickHouseType.LowCardinality(singleTypeArg(name));
            case "Array" -> new ClickHouseType.Array(singleTypeArg(name));
            case "Map" -> map();
            case "Tuple" -> tuple();
            case "FixedString" -> new ClickHouseType.FixedString(singleIntArg(name));
            case "Decimal", "DECIMAL", "Numeric", "NUMERIC" -> decimal();
            case "Decimal32" -> new ClickHouseType.Decimal(9, singleIntArg(name));
            case "Decimal64" -> new ClickHouseType.Decimal(18, singleIntArg(name));
            case "Decimal128" -> new ClickHouseType.Decimal(38, singleIntArg(name));
            case "Decimal256" -> new ClickHouseType.Decimal(76, singleIntArg(name));
            case "DateTime", "DATETIME", "TIMESTAMP" -> dateTime();
            case "DateTime64" -> dateTime64();
            case "Enum8" -> enumType(8);
            case "Enum16" -> enumType(16);
            case "Enum" -> enumType(0);
            case "SimpleAggregateFunction" -> simpleAggregate();
            default -> other(name, start, hasArgs);
        };
    }

    private ClickHouseType other(String name, int start, boolean hasArgs) {
        for (ClickHouseType.Base base : ClickHouseType.Base.values()) {
            if (base.typeName().equals(name)) {
                if (hasArgs) {
                    throw error(name + " takes no arguments");
                }
                return new ClickHouseType.Simple(base);
            }
        }
        ClickHouseType.Base alias = ALIASES.get(name.toUpperCase(Locale.ROOT));
        if (alias != null) {
            if (hasArgs) {
                skipBalanced(); // VARCHAR(255), INT(11): the length is ignored, as ClickHouse does
            }
            return new ClickHouseType.Simple(alias);
        }
        if (hasArgs) {
            skipBalanced();
        }
        String full = text.substring(start, pos).trim();
        return new ClickHouseType.Unsupported(full, "type " + name + " is not supported for transfers");
    }

    private ClickHouseType singleTypeArg(String name) {
        expect('(', name);
        ClickHouseType inner = type();
        skipSpace();
        expect(')', name);
        return inner;
    }

    private int singleIntArg(String name) {
        expect('(', name);
        int value = integer();
        skipSpace();
        expect(')', name);
        return value;
    }

    private ClickHouseType decimal() {
        if (peek() != '(') {
            return new ClickHouseType.Decimal(10, 0);
        }
        expect('(', "Decimal");
        int precision = integer();
        skipSpace();
        int scale = 0;
        if (peek() == ',') {
            pos++;
            scale = integer();
            skipSpace();
        }
        expect(')', "Decimal");
        return new ClickHouseType.Decimal(precision, scale);
    }

    private ClickHouseType dateTime() {
        if (peek() != '(') {
            return new ClickHouseType.DateTime(null);
        }
        expect('(', "DateTime");
        skipSpace();
        String zone = peek() == ')' ? null : string();
        skipSpace();
        expect(')', "DateTime");
        return new ClickHouseType.DateTime(zone);
    }

    private ClickHouseType dateTime64() {
        expect('(', "DateTime64");
        int precision = integer();
        skipSpace();
        String zone = null;
        if (peek() == ',') {
            pos++;
            skipSpace();
            zone = string();
            skipSpace();
        }
        expect(')', "DateTime64");
        return new ClickHouseType.DateTime64(precision, zone);
    }

    private ClickHouseType enumType(int bits) {
        expect('(', "Enum");
        Map<String, Integer> values = new LinkedHashMap<>();
        int next = 1;
        do {
            skipSpace();
            String name = string();
            skipSpace();
            int number = next;
            if (peek() == '=') {
                pos++;
                skipSpace();
                number = integer();
                skipSpace();
            }
            if (values.put(name, number) != null) {
                throw error("duplicate enum name '" + name + "'");
            }
            next = number + 1;
        } while (consume(','));
        expect(')', "Enum");
        if (bits == 0) {
            boolean fits8 = values.values().stream().allMatch(v -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE);
            bits = fits8 ? 8 : 16;
        }
        int min = bits == 8 ? Byte.MIN_VALUE : Short.MIN_VALUE;
        int max = bits == 8 ? Byte.MAX_VALUE : Short.MAX_VALUE;
        for (Map.Entry<String, Integer> e : values.entrySet()) {
            if (e.getValue() < min || e.getValue() > max) {
                throw error("enum value " + e.getKey() + " = " + e.getValue() + " out of range for Enum" + bits);
            }
        }
        return new ClickHouseType.Enum(bits, values);
    }

    private ClickHouseType map() {
        expect('(', "Map");
        ClickHouseType key = type();
        skipSpace();
        expect(',', "Map");
        ClickHouseType value = type();
        skipSpace();
        expect(')', "Map");
        return new ClickHouseType.MapType(key, value);
    }

    private ClickHouseType tuple() {
        expect('(', "Tuple");
        List<ClickHouseType> elements = new ArrayList<>();
        List<String> names = new ArrayList<>();
        do {
            skipSpace();
            int save = pos;
            String first = peek() == '`' ? quotedIdentifier() : identifier();
            skipSpace();
            char c = peek();
            if (c != '(' && c != ',' && c != ')') {
                names.add(first); // "name Type"
                elements.add(type());
            } else {
                pos = save;
                elements.add(type());
            }
            skipSpace();
        } while (consume(','));
        expect(')', "Tuple");
        if (!names.isEmpty() && names.size() != elements.size()) {
            throw error("either every tuple element is named or none is");
        }
        return new ClickHouseType.Tuple(elements, names);
    }

    private ClickHouseType simpleAggregate() {
        expect('(', "SimpleAggregateFunction");
        skipSpace();
        int start = pos;
        identifier();
        if (peek() == '(') {
            skipBalanced(); // parametric function, e.g. groupArrayArray(10)
        }
        String function = text.substring(start, pos);
        skipSpace();
        expect(',', "SimpleAggregateFunction");
        ClickHouseType inner = type();
        skipSpace();
        expect(')', "SimpleAggregateFunction");
        return new ClickHouseType.SimpleAggregate(function, inner);
    }

    private String identifier() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a type name");
        }
        return text.substring(start, pos);
    }

    private String quotedIdentifier() {
        pos++; // opening backquote
        StringBuilder sb = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != '`') {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            sb.append(c);
        }
        expect('`', "identifier");
        return sb.toString();
    }

    private int integer() {
        skipSpace();
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        try {
            return Integer.parseInt(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("expected a number");
        }
    }

    private String string() {
        if (peek() != '\'') {
            throw error("expected a quoted string");
        }
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (peek() == '\'') { // SQL-style doubled quote
                    sb.append('\'');
                    pos++;
                    continue;
                }
                return sb.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char e = text.charAt(pos++);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> e;
                });
            } else {
                sb.append(c);
            }
        }
    }

    private void skipBalanced() {
        int depth = 0;
        boolean inString = false;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (inString) {
                if (c == '\\') {
                    pos++;
                } else if (c == '\'') {
                    inString = false;
                }
            } else if (c == '\'') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return;
            }
        }
        throw error("unbalanced parentheses");
    }

    private boolean consume(char c) {
        skipSpace();
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c, String context) {
        skipSpace();
        if (peek() != c) {
            throw error("expected '" + c + "' in " + context);
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("Invalid type '" + text + "' at position " + pos + ": " + message);
    }
}
