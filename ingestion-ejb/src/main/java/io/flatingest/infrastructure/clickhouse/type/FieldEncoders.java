package io.flatingest.infrastructure.clickhouse.type;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Builds the {@link FieldEncoder} of a column type: the type dispatch happens once, here, so that encoding a value
 * is a direct call.
 *
 * <p>Missing values: a null text (the field matched a null token) is NULL. An empty text is a value for the types
 * that can hold it (String, FixedString, an Enum with a value named '') and missing for every other type. In a
 * Nullable column a missing value is NULL; elsewhere {@link ConversionOptions#missingValues()} decides between
 * rejecting the row (default) and the type's default value. Inside Array/Map/Tuple literals nothing is missing:
 * {@code NULL} needs a Nullable element type and {@code ''} is converted like any other text.
 */
public final class FieldEncoders {

    private static final ClickHouseType STRING = new ClickHouseType.Simple(ClickHouseType.Base.STRING);

    private FieldEncoders() {
    }

    /**
     * The encoder for a column of the given type.
     *
     * @throws IllegalArgumentException when the type cannot be imported (it is named in the message), so that a
     *                                  job refuses the mapping before it reads any row
     */
    public static FieldEncoder forType(ClickHouseType type, ConversionOptions options) {
        checkSupported(type, type);
        ClickHouseType value = type.valueType();
        FieldEncoder encoder = valueEncoder(value, options);
        boolean emptyIsValue = value instanceof ClickHouseType.FixedString || value.equals(STRING)
                || (value instanceof ClickHouseType.Enum e && EnumEncoder.hasEmptyName(e));
        if (type.isNullable()) {
            return (text, out) -> {
                if (text == null || (!emptyIsValue && text.isEmpty())) {
                    out.writeByte(1);
                } else {
                    out.writeByte(0);
                    encoder.encode(text, out);
                }
            };
        }
        String nullReason = "NULL is not allowed: column type " + type + " is not Nullable";
        String emptyReason = "an empty value is not allowed: column type " + type + " is not Nullable";
        if (options.missingValues() == ConversionOptions.MissingValues.TYPE_DEFAULT) {
            byte[] defaultValue = defaultValue(type);
            return (text, out) -> {
                if (text == null || (!emptyIsValue && text.isEmpty())) {
                    out.writeBytes(defaultValue);
                } else {
                    encoder.encode(text, out);
                }
            };
        }
        return (text, out) -> {
            if (text == null) {
                throw new ConversionException(nullReason);
            }
            if (!emptyIsValue && text.isEmpty()) {
                throw new ConversionException(emptyReason);
            }
            encoder.encode(text, out);
        };
    }

    /** The encoder of a value type (no Nullable, LowCardinality or SimpleAggregateFunction wrapper). */
    static FieldEncoder valueEncoder(ClickHouseType value, ConversionOptions options) {
        if (value instanceof ClickHouseType.Simple simple) {
            ClickHouseType.Base base = simple.base();
            return switch (base) {
                case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64 -> new IntegerEncoder(base);
                case INT128, INT256, UINT128, UINT256 -> new BigIntegerEncoder(base);
                case FLOAT32, FLOAT64 -> new FloatEncoder(base == ClickHouseType.Base.FLOAT32);
                case STRING -> new StringEncoder(0);
                case DATE, DATE32 -> new DateEncoder(base == ClickHouseType.Base.DATE32, options.datePatterns());
                case BOOL -> new BoolEncoder();
                case UUID -> new UuidEncoder();
                case IPV4, IPV6 -> new IpEncoder(base == ClickHouseType.Base.IPV6);
                case NOTHING -> throw unsupported(value, "it holds no values");
            };
        }
        if (value instanceof ClickHouseType.FixedString fixed) {
            return new StringEncoder(fixed.length());
        }
        if (value instanceof ClickHouseType.Decimal decimal) {
            return new DecimalEncoder(decimal);
        }
        if (value instanceof ClickHouseType.DateTime dateTime) {
            return new DateTimeEncoder(value.toString(), -1, zone(dateTime.timezone(), value, options), options);
        }
        if (value instanceof ClickHouseType.DateTime64 dateTime) {
            return new DateTimeEncoder(value.toString(), dateTime.precision(),
                    zone(dateTime.timezone(), value, options), options);
        }
        if (value instanceof ClickHouseType.Enum enumType) {
            return new EnumEncoder(enumType);
        }
        if (value instanceof ClickHouseType.Array || value instanceof ClickHouseType.MapType
                || value instanceof ClickHouseType.Tuple) {
            return new CompositeEncoder(value, options);
        }
        if (value instanceof ClickHouseType.Unsupported unsupported) {
            throw unsupported(value, unsupported.reason());
        }
        throw unsupported(value, "it is a wrapper, not a value type");
    }

    /** The RowBinary bytes of the type's default value, which ClickHouse itself uses for a missing value. */
    static byte[] defaultValue(ClickHouseType type) {
        RowBinaryOutput out = new RowBinaryOutput(64);
        writeDefault(type, out);
        return out.toByteArray();
    }

    private static void writeDefault(ClickHouseType type, RowBinaryOutput out) {
        if (type.isNullable()) {
            out.writeByte(1);
            return;
        }
        ClickHouseType value = type.valueType();
        if (value instanceof ClickHouseType.Simple simple) {
            if (simple.base() == ClickHouseType.Base.STRING) {
                out.writeVarUInt(0);
            } else {
                out.writeZeros(simple.base().byteWidth());
            }
        } else if (value instanceof ClickHouseType.FixedString fixed) {
            out.writeZeros(fixed.length());
        } else if (value instanceof ClickHouseType.Decimal decimal) {
            out.writeZeros(decimal.byteWidth());
        } else if (value instanceof ClickHouseType.DateTime) {
            out.writeZeros(4);
        } else if (value instanceof ClickHouseType.DateTime64) {
            out.writeZeros(8);
        } else if (value instanceof ClickHouseType.Enum enumType) { // ClickHouse's default: the smallest value
            int smallest = enumType.values().values().stream().mapToInt(Integer::intValue).min().orElse(0);
            if (enumType.bits() == 8) {
                out.writeByte(smallest);
            } else {
                out.writeShort(smallest);
            }
        } else if (value instanceof ClickHouseType.Array || value instanceof ClickHouseType.MapType) {
            out.writeVarUInt(0);
        } else if (value instanceof ClickHouseType.Tuple tuple) {
            tuple.elements().forEach(element -> writeDefault(element, out));
        }
    }

    /** Rejects, before any row, the types and nestings ClickHouse does not allow or this import cannot write. */
    private static void checkSupported(ClickHouseType type, ClickHouseType column) {
        if (type instanceof ClickHouseType.Nullable nullable) {
            ClickHouseType inner = nullable.inner().valueType();
            if (inner instanceof ClickHouseType.Array || inner instanceof ClickHouseType.MapType
                    || inner instanceof ClickHouseType.Tuple || nullable.inner().isNullable()) {
                throw unsupported(column, "ClickHouse does not allow " + nullable.inner() + " inside Nullable");
            }
            checkSupported(nullable.inner(), column);
        } else if (type instanceof ClickHouseType.LowCardinality lowCardinality) {
            checkSupported(lowCardinality.inner(), column);
        } else if (type instanceof ClickHouseType.SimpleAggregate aggregate) {
            checkSupported(aggregate.inner(), column);
        } else if (type instanceof ClickHouseType.Array array) {
            checkSupported(array.element(), column);
        } else if (type instanceof ClickHouseType.MapType map) {
            checkSupported(map.key(), column);
            checkSupported(map.value(), column);
        } else if (type instanceof ClickHouseType.Tuple tuple) {
            tuple.elements().forEach(element -> checkSupported(element, column));
        } else if (type instanceof ClickHouseType.Unsupported unsupported) {
            throw unsupported(column, unsupported.reason());
        } else if (type instanceof ClickHouseType.Simple simple && simple.base() == ClickHouseType.Base.NOTHING) {
            throw unsupported(column, "type Nothing holds no values");
        }
    }

    private static ZoneId zone(String name, ClickHouseType type, ConversionOptions options) {
        if (name == null) {
            return options.serverTimeZone();
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw unsupported(type, "unknown timezone '" + name + "'");
        }
    }

    private static IllegalArgumentException unsupported(ClickHouseType type, String reason) {
        return new IllegalArgumentException("Column type " + type + " cannot be imported: " + reason);
    }
}
