package io.flatingest.infrastructure.clickhouse.type;

import java.io.IOException;

/**
 * A {@link FieldDecoder} that can also write its value the way it appears inside an Array, Map or Tuple literal,
 * where ClickHouse quotes strings, dates, UUIDs and addresses ({@code ['a','2020-01-02']}) and writes numbers and
 * booleans bare ({@code [1,true]}).
 */
abstract class ValueFormatter implements FieldDecoder {

    /** Reads one value and appends it as an element of a literal. */
    abstract void appendLiteral(RowBinaryInput in, StringBuilder out) throws IOException;

    /** A value written bare inside literals. */
    abstract static class Bare extends ValueFormatter {
        @Override
        void appendLiteral(RowBinaryInput in, StringBuilder out) throws IOException {
            out.append(read(in));
        }
    }

    /** A value written as a quoted, escaped string inside literals. */
    abstract static class Quoted extends ValueFormatter {
        @Override
        void appendLiteral(RowBinaryInput in, StringBuilder out) throws IOException {
            ClickHouseTextEscaper.appendQuoted(out, read(in));
        }
    }
}
