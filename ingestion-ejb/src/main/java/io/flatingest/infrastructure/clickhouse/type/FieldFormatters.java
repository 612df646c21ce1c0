package io.flatingest.infrastructure.clickhouse.type;

import java.util.List;

/**
 * Builds the {@link FieldDecoder} of a column from its parsed type: the type tree is walked once here, so that
 * reading a value is a direct call into the right formatter.
 *
 * <p>Every text is what ClickHouse itself prints for the value (checked against 18.16 by
 * {@code RowBinaryDecodingIT}), so that a file re-imports to the same values, with these deliberate choices:
 * <ul>
 * <li>Integers of every width (up to 256 bits) in plain decimal.</li>
 * <li>Decimal(P, S): exact, never an exponent, always exactly S fraction digits ({@code 1.50}, {@code -0.05}), as
 *     18.16 prints them (modern servers drop trailing zeros unless {@code output_format_decimal_trailing_zeros}).</li>
 * <li>Float32/Float64: the shortest decimal that reads back to the same bits (shortest as a float for Float32), in
 *     plain notation while the decimal exponent is in [-6, 21) and as {@code 1e-7} / {@code 1.5e21} outside it;
 *     {@code inf}, {@code -inf}, {@code nan}, {@code -0}. Identical to ClickHouse's own output.</li>
 * <li>Date {@code 2024-03-01}; DateTime {@code 2024-03-01 13:45:00} in the zone {@link FormatOptions} picks;
 *     DateTime64(p) with exactly p fraction digits. The epoch is {@code 1970-01-01}, not 18.16's {@code 0000-00-00}
 *     (modern servers print 1970-01-01 too, and other tools cannot read zeros).</li>
 * <li>UUID lower-case; Enum as its name; Bool {@code true}/{@code false}; IPv4 dotted; IPv6 RFC 5952.</li>
 * <li>String as UTF-8, refusing invalid bytes unless told otherwise ({@link FormatOptions.InvalidUtf8}); FixedString
 *     with its trailing zero bytes trimmed unless kept.</li>
 * <li>Array/Map/Tuple as ClickHouse literals ({@code ['a','b\'c']}, {@code {'k':1}}, {@code (1,NULL)}), which its
 *     CSV and TSV input read back; see {@link FieldDecoder#literal()}.</li>
 * <li>NULL as null; LowCardinality(T) and SimpleAggregateFunction(f, T) as T.</li>
 * </ul>
 */
public final class FieldFormatters {

    private FieldFormatters() {
    }

    /**
     * The decoder for a column of type {@code type}.
     *
     * @throws IllegalArgumentException for a type that cannot be exported ({@link ClickHouseType.Unsupported}) or
     *                                  a DateTime zone that Java does not know
     */
    public static FieldDecoder forType(ClickHouseType type, FormatOptions options) {
        ValueFormatter f = build(type, options);
        if (options.formulaProtection() && isText(type.valueType())) {
            f = new CompositeFormatters.FormulaGuard(f);
        }
        return f;
    }

    /** Decoders for a row of columns, in order. */
    public static List<FieldDecoder> forTypes(List<ClickHouseType> types, FormatOptions options) {
        return types.stream().map(t -> forType(t, options)).toList();
    }

    private static boolean isText(ClickHouseType valueType) {
        return valueType instanceof ClickHouseType.FixedString
                || valueType instanceof ClickHouseType.Simple s && s.base() == ClickHouseType.Base.STRING;
    }

    private static ValueFormatter build(ClickHouseType type, FormatOptions options) {
        if (type instanceof ClickHouseType.Simple s) {
            return simple(s.base(), options);
        } else if (type instanceof ClickHouseType.Nullable n) {
            return new CompositeFormatters.NullableValue(build(n.inner(), options));
        } else if (type instanceof ClickHouseType.LowCardinality lc) {
            return build(lc.inner(), options);
        } else if (type instanceof ClickHouseType.SimpleAggregate sa) {
            return build(sa.inner(), options);
        } else if (type instanceof ClickHouseType.Decimal d) {
            return NumberFormatters.decimal(d);
        } else if (type instanceof ClickHouseType.FixedString fs) {
            return new TextFormatters.Fixed(fs.length(), options.keepFixedStringPadding(), options.invalidUtf8());
        } else if (type instanceof ClickHouseType.DateTime dt) {
            return new TemporalFormatters.DateTime(options.zoneFor(dt.timezone()));
        } else if (type instanceof ClickHouseType.DateTime64 dt) {
            return new TemporalFormatters.DateTime64(dt.precision(), options.zoneFor(dt.timezone()));
        } else if (type instanceof ClickHouseType.Enum e) {
            return new TextFormatters.EnumName(e);
        } else if (type instanceof ClickHouseType.Array a) {
            return new CompositeFormatters.ArrayValue(build(a.element(), options));
        } else if (type instanceof ClickHouseType.MapType m) {
            return new CompositeFormatters.MapValue(build(m.key(), options), build(m.value(), options));
        } else if (type instanceof ClickHouseType.Tuple t) {
            return new CompositeFormatters.TupleValue(
                    t.elements().stream().map(e -> build(e, options)).toArray(ValueFormatter[]::new));
        } else if (type instanceof ClickHouseType.Unsupported u) {
            throw new IllegalArgumentException("Cannot export type " + u.text() + ": " + u.reason());
        }
        throw new IllegalArgumentException("Cannot export type " + type);
    }

    private static ValueFormatter simple(ClickHouseType.Base base, FormatOptions options) {
        return switch (base) {
            case STRING -> new TextFormatters.Text(options.invalidUtf8());
            case DATE -> new TemporalFormatters.Date();
            case DATE32 -> new TemporalFormatters.Date32();
            case UUID -> new NetworkFormatters.Uuid();
            case IPV4 -> new NetworkFormatters.Ipv4();
            case IPV6 -> new NetworkFormatters.Ipv6();
            case NOTHING -> new CompositeFormatters.NothingValue();
            default -> NumberFormatters.forBase(base);
        };
    }
}
