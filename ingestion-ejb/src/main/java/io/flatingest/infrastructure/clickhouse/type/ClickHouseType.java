package io.flatingest.infrastructure.clickhouse.type;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A ClickHouse data type as the server names it in {@code system.columns} or {@code DESCRIBE}, parsed into a tree.
 * {@link #toString()} renders the canonical type text, suitable for DDL.
 *
 * <p>Parse with {@link ClickHouseTypes#parse(String)}. Types this application cannot move (aggregate states, JSON,
 * geo types, …) parse to {@link Unsupported} so that callers can name the column and the type in a clear message
 * instead of failing on the first row.
 */
public sealed interface ClickHouseType {

    /** Whether values of this type may be NULL (only {@link Nullable}, possibly under {@link LowCardinality}). */
    default boolean isNullable() {
        return false;
    }

    /** This type without {@link Nullable} and {@link LowCardinality} wrappers: what a value is converted to. */
    default ClickHouseType valueType() {
        return this;
    }

    /** Whether this type (or any type nested in it) exists only on modern servers (19.x and later). */
    boolean requiresModernServer();

    /** Scalar types identified by name alone. */
    enum Base {
        INT8("Int8", 1, true, false), INT16("Int16", 2, true, false), INT32("Int32", 4, true, false),
        INT64("Int64", 8, true, false), INT128("Int128", 16, true, true), INT256("Int256", 32, true, true),
        UINT8("UInt8", 1, false, false), UINT16("UInt16", 2, false, false), UINT32("UInt32", 4, false, false),
        UINT64("UInt64", 8, false, false), UINT128("UInt128", 16, false, true), UINT256("UInt256", 32, false, true),
        FLOAT32("Float32", 4, true, false), FLOAT64("Float64", 8, true, false),
        STRING("String", 0, false, false), DATE("Date", 2, false, false), DATE32("Date32", 4, true, true),
        BOOL("Bool", 1, false, true), UUID("UUID", 16, false, false), IPV4("IPv4", 4, false, true),
        IPV6("IPv6", 16, false, true), NOTHING("Nothing", 0, false, false);

        private final String typeName;
        private final int byteWidth;
        private final boolean signed;
        private final boolean modern;

        Base(String typeName, int byteWidth, boolean signed, boolean modern) {
            this.typeName = typeName;
            this.byteWidth = byteWidth;
            this.signed = signed;
            this.modern = modern;
        }

        /** The type name as ClickHouse spells it. */
        public String typeName() {
            return typeName;
        }

        /** Fixed width in RowBinary, 0 for variable-width types. */
        public int byteWidth() {
            return byteWidth;
        }

        /** For integers: whether the type is signed. */
        public boolean signed() {
            return signed;
        }

        /** Whether the type is unknown to ClickHouse 18.16. */
        public boolean modern() {
            return modern;
        }

        /** Whether this is one of the integer types. */
        public boolean isInteger() {
            return ordinal() <= UINT256.ordinal();
        }
    }

    /** A scalar type identified by its name alone, such as {@code Int32} or {@code UUID}. */
    record Simple(Base base) implements ClickHouseType {
        public Simple {
            Objects.requireNonNull(base, "base");
        }

        @Override
        public boolean requiresModernServer() {
            return base.modern();
        }

        @Override
        public String toString() {
            return base.typeName();
        }
    }

    /** {@code FixedString(N)}: exactly N bytes, shorter values padded with zero bytes. */
    record FixedString(int length) implements ClickHouseType {
        public FixedString {
            if (length < 1) {
                throw new IllegalArgumentException("FixedString length must be positive: " + length);
            }
        }

        @Override
        public boolean requiresModernServer() {
            return false;
        }

        @Override
        public String toString() {
            return "FixedString(" + length + ")";
        }
    }

    /**
     * {@code Decimal(P, S)}; {@code Decimal32(S)} and friends are normalised to their precision (9, 18, 38, 76).
     * Stored as a 4, 8, 16 or 32 byte two's-complement integer scaled by 10^S.
     */
    record Decimal(int precision, int scale) implements ClickHouseType {
        public Decimal {
            if (precision < 1 || precision > 76) {
                throw new IllegalArgumentException("Decimal precision must be 1..76: " + precision);
            }
            if (scale < 0 || scale > precision) {
                throw new IllegalArgumentException("Decimal scale must be 0.." + precision + ": " + scale);
            }
        }

        /** Width of the stored integer in bytes. */
        public int byteWidth() {
            if (precision <= 9) {
                return 4;
            }
            if (precision <= 18) {
                return 8;
            }
            return precision <= 38 ? 16 : 32;
        }

        @Override
        public boolean requiresModernServer() {
            return precision > 38;
        }

        @Override
        public String toString() {
            return "Decimal(" + precision + ", " + scale + ")";
        }
    }

    /** {@code DateTime} or {@code DateTime('zone')}: seconds since the epoch, shown in the zone (server's if none). */
    record DateTime(String timezone) implements ClickHouseType {
        @Override
        public boolean requiresModernServer() {
            return false;
        }

        @Override
        public String toString() {
            return timezone == null ? "DateTime" : "DateTime(" + ClickHouseTypes.quote(timezone) + ")";
        }
    }

    /** {@code DateTime64(P[, 'zone'])}: ticks of 10^-P seconds since the epoch. */
    record DateTime64(int precision, String timezone) implements ClickHouseType {
        public DateTime64 {
            if (precision < 0 || precision > 9) {
                throw new IllegalArgumentException("DateTime64 precision must be 0..9: " + precision);
            }
        }

        @Override
        public boolean requiresModernServer() {
            return true;
        }

        @Override
        public String toString() {
            return "DateTime64(" + precision + (timezone == null ? "" : ", " + ClickHouseTypes.quote(timezone)) + ")";
        }
    }

    /** {@code Enum8(...)} ({@code bits} 8) or {@code Enum16(...)} ({@code bits} 16): names mapped to numbers. */
    record Enum(int bits, Map<String, Integer> values) implements ClickHouseType {
        public Enum {
            if (bits != 8 && bits != 16) {
                throw new IllegalArgumentException("Enum bits must be 8 or 16: " + bits);
            }
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The name of the given number, or null when the enum has no such value. */
        public String nameOf(int number) {
            for (Map.Entry<String, Integer> e : values.entrySet()) {
                if (e.getValue() == number) {
                    return e.getKey();
                }
            }
            return null;
        }

        @Override
        public boolean requiresModernServer() {
            return false;
        }

        @Override
        public String toString() {
            return "Enum" + bits + "(" + values.entrySet().stream()
                    .map(e -> ClickHouseTypes.quote(e.getKey()) + " = " + e.getValue())
                    .collect(Collectors.joining(", ")) + ")";
        }
    }

    /** {@code Nullable(T)}. */
    record Nullable(ClickHouseType inner) implements ClickHouseType {
        public Nullable {
            Objects.requireNonNull(inner, "inner");
        }

        @Override
        public boolean isNullable() {
            return true;
        }

        @Override
        public ClickHouseType valueType() {
            return inner.valueType();
        }

        @Override
        public boolean requiresModernServer() {
            return inner.requiresModernServer();
        }

        @Override
        public String toString() {
            return "Nullable(" + inner + ")";
        }
    }

    /** {@code LowCardinality(T)}: a storage optimisation; values travel in RowBinary exactly as T. */
    record LowCardinality(ClickHouseType inner) implements ClickHouseType {
        public LowCardinality {
            Objects.requireNonNull(inner, "inner");
        }

        @Override
        public boolean isNullable() {
            return inner.isNullable();
        }

        @Override
        public ClickHouseType valueType() {
            return inner.valueType();
        }

        @Override
        public boolean requiresModernServer() {
            return inner.requiresModernServer();
        }

        @Override
        public String toString() {
            return "LowCardinality(" + inner + ")";
        }
    }

    /** {@code Array(T)}. */
    record Array(ClickHouseType element) implements ClickHouseType {
        public Array {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public boolean requiresModernServer() {
            return element.requiresModernServer();
        }

        @Override
        public String toString() {
            return "Array(" + element + ")";
        }
    }

    /** {@code Map(K, V)} (modern servers only). */
    record MapType(ClickHouseType key, ClickHouseType value) implements ClickHouseType {
        public MapType {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean requiresModernServer() {
            return true;
        }

        @Override
        public String toString() {
            return "Map(" + key + ", " + value + ")";
        }
    }

    /** {@code Tuple(T1, T2, ...)} or {@code Tuple(a T1, b T2, ...)}; {@code names} is empty when unnamed. */
    record Tuple(List<ClickHouseType> elements, List<String> names) implements ClickHouseType {
        public Tuple {
            elements = List.copyOf(elements);
            names = List.copyOf(names);
            if (elements.isEmpty()) {
                throw new IllegalArgumentException("Tuple needs at least one element");
            }
            if (!names.isEmpty() && names.size() != elements.size()) {
                throw new IllegalArgumentException("Tuple names and elements differ in number");
            }
        }

        @Override
        public boolean requiresModernServer() {
            return !names.isEmpty() || elements.stream().anyMatch(ClickHouseType::requiresModernServer);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("Tuple(");
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                if (!names.isEmpty()) {
                    sb.append(ClickHouseTypes.quoteIdentifierIfNeeded(names.get(i))).append(' ');
                }
                sb.append(elements.get(i));
            }
            return sb.append(')').toString();
        }
    }

    /**
     * {@code SimpleAggregateFunction(f, T)}: stored and transferred exactly as T.
     */
    record SimpleAggregate(String function, ClickHouseType inner) implements ClickHouseType {
        public SimpleAggregate {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(inner, "inner");
        }

        @Override
        public boolean isNullable() {
            return inner.isNullable();
        }

        @Override
        public ClickHouseType valueType() {
            return inner.valueType();
        }

        @Override
        public boolean requiresModernServer() {
            return inner.requiresModernServer();
        }

        @Override
        public String toString() {
            return "SimpleAggregateFunction(" + function + ", " + inner + ")";
        }
    }

    /**
     * A type this application does not convert (for example {@code AggregateFunction(...)}, {@code JSON},
     * {@code Variant(...)}); {@code text} is the server's spelling and {@code reason} says why.
     */
    record Unsupported(String text, String reason) implements ClickHouseType {
        @Override
        public boolean requiresModernServer() {
            return false;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
