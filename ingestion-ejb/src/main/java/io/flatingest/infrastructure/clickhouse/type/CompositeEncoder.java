package io.flatingest.infrastructure.clickhouse.type;

import java.util.List;

/**
 * Array(T), Map(K, V) and Tuple(…) from ClickHouse literal text in one field: {@code [1, 2]}, {@code {'k': 1}},
 * {@code (1, 'a')}, nested freely, read in one pass by a {@link LiteralReader} with the element types' encoders.
 * Elements are strict whatever the options say: a NULL element needs a Nullable element type, and an empty quoted
 * element is converted like any other text (an error for numbers).
 */
final class CompositeEncoder implements FieldEncoder {

    /** Reads one value of some type from literal text and encodes it. */
    interface Element {
        void read(LiteralReader in, RowBinaryOutput out) throws ConversionException;
    }

    private final Element root;
    private final String typeName;

    CompositeEncoder(ClickHouseType type, ConversionOptions options) {
        this.root = element(type, options);
        this.typeName = type.toString();
    }

    @Override
    public void encode(String text, RowBinaryOutput out) throws ConversionException {
        LiteralReader in = new LiteralReader(text, typeName);
        root.read(in, out);
        in.expectEnd();
    }

    /** The reader of a value of {@code type} (possibly Nullable, LowCardinality, …) inside a literal. */
    static Element element(ClickHouseType type, ConversionOptions options) {
        ClickHouseType value = type.valueType();
        if (value instanceof ClickHouseType.Array array) {
            return array(element(array.element(), options));
        }
        if (value instanceof ClickHouseType.MapType map) {
            return map(element(map.key(), options), element(map.value(), options));
        }
        if (value instanceof ClickHouseType.Tuple tuple) {
            return tuple(tuple.elements().stream().map(e -> element(e, options)).toList());
        }
        FieldEncoder encoder = FieldEncoders.valueEncoder(value, options);
        boolean quotesRequired = value instanceof ClickHouseType.FixedString
                || value.equals(new ClickHouseType.Simple(ClickHouseType.Base.STRING));
        if (type.isNullable()) {
            return (in, out) -> {
                String text = in.scalar(quotesRequired);
                if (text == null) {
                    out.writeByte(1);
                } else {
                    out.writeByte(0);
                    encoder.encode(text, out);
                }
            };
        }
        String typeName = type.toString();
        return (in, out) -> {
            String text = in.scalar(quotesRequired);
            if (text == null) {
                throw new ConversionException("NULL is not allowed: element type " + typeName + " is not Nullable");
            }
            encoder.encode(text, out);
        };
    }

    private static Element array(Element element) {
        return (in, out) -> {
            in.expect('[');
            int start = out.position();
            int count = 0;
            if (!in.consume(']')) {
                do {
                    try {
                        element.read(in, out);
                    } catch (ConversionException e) {
                        throw e.within("array element " + (count + 1));
                    }
                    count++;
                } while (in.consume(','));
                in.expect(']');
            }
            out.insertVarUInt(start, count);
        };
    }

    private static Element map(Element key, Element value) {
        return (in, out) -> {
            in.expect('{');
            int start = out.position();
            int count = 0;
            if (!in.consume('}')) {
                do {
                    try {
                        key.read(in, out);
                        in.expect(':');
                        value.read(in, out);
                    } catch (ConversionException e) {
                        throw e.within("map entry " + (count + 1));
                    }
                    count++;
                } while (in.consume(','));
                in.expect('}');
            }
            out.insertVarUInt(start, count);
        };
    }

    private static Element tuple(List<Element> elements) {
        return (in, out) -> {
            in.expect('(');
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0 && !in.consume(',')) {
                    throw new ConversionException("a tuple needs " + elements.size() + " elements, found " + i);
                }
                try {
                    elements.get(i).read(in, out);
                } catch (ConversionException e) {
                    throw e.within("tuple element " + (i + 1));
                }
            }
            if (in.consume(',')) {
                throw new ConversionException("a tuple needs " + elements.size() + " elements, found more");
            }
            in.expect(')');
        };
    }
}
