package io.flatingest.infrastructure.clickhouse.type;

import java.io.IOException;

/**
 * Nullable, Array, Map and Tuple. Composite values print as ClickHouse's own literal text, which its text formats
 * read back: {@code [1,2]}, {@code ['a','b\'c']}, {@code {'k':1}}, {@code (1,'a')}, {@code NULL} for a missing
 * element, no spaces.
 */
final class CompositeFormatters {

    private CompositeFormatters() {
    }

    /** Nullable(T): a UInt8 flag (1 = NULL), then T unless NULL. */
    static final class NullableValue extends ValueFormatter {
        private final ValueFormatter inner;

        NullableValue(ValueFormatter inner) {
            this.inner = inner;
        }

        @Override
        public String read(RowBinaryInput in) throws IOException {
            return in.readByte() != 0 ? null : inner.read(in);
        }

        @Override
        public void write(RowBinaryInput in, TextSink out) throws IOException {
            if (in.readByte() != 0) {
                out.nullValue();
            } else {
                inner.write(in, out);
            }
        }

        @Override
        void appendLiteral(RowBinaryInput in, StringBuilder out) throws IOException {
            if (in.readByte() != 0) {
                out.append("NULL");
            } else {
                inner.appendLiteral(in, out);
            }
        }
    }

    /** Nothing, the element type of {@code []} and {@code NULL} literals: no bytes, no value. */
    static final class NothingValue extends ValueFormatter {
        @Override
        public String read(RowBinaryInput in) {
            return null;
        }

        @Override
        void appendLiteral(RowBinaryInput in, StringBuilder out) {
            out.append("NULL");
        }
    }

    /** A composite whose top-level text is its literal. */
    abstract static class Literal extends ValueFormatter {
        private final StringBuilder text = new StringBuilder(64);

        @Override
        public final String read(RowBinaryInput in) throws IOException {
            text.setLength(0);
            appendLiteral(in, text);
            return text.toString();
        }

        @Override
        public final boolean literal() {
            return true;
        }
    }

    /** Array(T): LEB128 size, then the elements. */
    static final class ArrayValue extends Literal {
        private final ValueFormatter element;

        ArrayValue(ValueFormatter element) {
            this.element = element;
        }

        @Override
        void appendLiteral(RowBinaryInput in, StringBuilder out) throws IOException {
            int n = in.readLength();
            out.append('[');
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.append(',');
                }
                element.appendLiteral(in, out);
            }
            out.append(']');
        }
    }

    /** Map(K, V): LEB128 size, then key and value of each entry. */
    static final class MapValue extends Literal {
        private final ValueFormatter key;
        private final ValueFormatter value;

        MapValue(ValueFormatter key, ValueFormatter value) {
            this.key = key;
            this.value = value;
        }

        @Override
        void appendLiteral(RowBinaryInput in, StringBuilder out) throws IOException {
            int n = in.readLength();
            out.append('{');
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.append(',');
                }
                key.appendLiteral(in, out);
                out.append(':');
                value.appendLiteral(in, out);
            }
            out.append('}');
        }
    }

    /** Tuple(T1, …): the elements one after another; names, if any, are not part of the text. */
    static final class TupleValue extends Literal {
        private final ValueFormatter[] elements;

        TupleValue(ValueFormatter[] elements) {
            this.elements = elements.clone();
        }

        @Override
        void appendLiteral(RowBinaryInput in, StringBuilder out) throws IOException {
            out.append('(');
            for (int i = 0; i < elements.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                elements[i].appendLiteral(in, out);
            }
            out.append(')');
        }
    }

    /**
     * Spreadsheet formula-injection protection for a top-level String/FixedString: text starting with {@code =},
     * {@code +}, {@code -}, {@code @}, TAB or CR gets a leading {@code '} (OWASP's advice for CSV injection).
     */
    static final class FormulaGuard extends ValueFormatter {
        private final ValueFormatter inner;

        FormulaGuard(ValueFormatter inner) {
            this.inner = inner;
        }

        @Override
        public String read(RowBinaryInput in) throws IOException {
            String s = inner.read(in);
            if (s != null && !s.isEmpty()) {
                char c = s.charAt(0);
                if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
                    return "'" + s;
                }
            }
            return s;
        }

        @Override
        void appendLiteral(RowBinaryInput in, StringBuilder out) throws IOException {
            inner.appendLiteral(in, out);
        }
    }
}
