package io.flatingest.infrastructure.clickhouse.type;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;

/**
 * Reads the rows of a {@code SELECT … FORMAT RowBinary} stream as text, one {@link FieldDecoder} per column, and
 * names the row, column and type in every failure. The column types come from {@code DESCRIBE} beforehand
 * (18.16 has no RowBinaryWithNamesAndTypes), so they must be listed in the SELECT's order.
 */
public final class RowDecoder {

    private static final boolean[] NO_FLAGS = new boolean[0];

    private final List<String> names;
    private final List<ClickHouseType> types;
    private final FieldDecoder[] decoders;
    private final String[] row;
    private long rows;

    public RowDecoder(List<String> names, List<ClickHouseType> types, FormatOptions options) {
        if (names.size() != types.size() || names.isEmpty()) {
            throw new IllegalArgumentException("need as many column names as types, at least one");
        }
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        this.decoders = FieldFormatters.forTypes(types, options).toArray(FieldDecoder[]::new);
        this.row = new String[decoders.length];
    }

    /**
     * The next row's texts (null for NULL) in an array that the next call overwrites, or null at the end of a
     * stream that ended cleanly.
     *
     * @throws EOFException       when the stream ends inside a row
     * @throws DecodingException  when a value has no text; the message names row, column and type
     */
    public String[] next(RowBinaryInput in) throws IOException {
        return write(in, null, 0, NO_FLAGS);
    }

    /**
     * Reads the next row into {@code out}, as {@link #next} reads it as text: the first {@code written} columns go to
     * {@code out} as values (then {@link TextSink#endRow()}); the others, and those flagged in {@code asText} (the
     * columns that hold a key), come back as text in an array that the next call overwrites, whose other entries
     * mean nothing. Returns null at the end of a stream that ended cleanly; fails as {@link #next} does, leaving
     * the row unended in {@code out}. With {@code written} 0, {@code out} may be null: that is {@link #next}.
     */
    public String[] write(RowBinaryInput in, TextSink out, int written, boolean[] asText) throws IOException {
        if (in.atEnd()) {
            return null;
        }
        long start = in.position();
        int i = 0;
        try {
            for (; i < decoders.length; i++) {
                if (i >= written) {
                    row[i] = decoders[i].read(in);
                } else if (i < asText.length && asText[i]) {
                    row[i] = decoders[i].read(in);
                    out.value(row[i]);
                } else {
                    decoders[i].write(in, out);
                }
            }
        } catch (EOFException | DecodingException e) {
            throw located(e, i, start);
        }
        if (out != null) {
            out.endRow();
        }
        rows++;
        return row;
    }

    /** Rows read so far. */
    public long rowsRead() {
        return rows;
    }

    /** Whether column {@code i} yields ClickHouse literals (Array, Map, Tuple); see {@link FieldDecoder#literal()}. */
    public boolean literal(int i) {
        return decoders[i].literal();
    }

    public int columnCount() {
        return decoders.length;
    }

    /** {@code e} (an EOFException or a DecodingException) again, its message naming row, column and type. */
    private IOException located(IOException e, int column, long rowStart) {
        if (e instanceof DecodingException) {
            return new DecodingException(where(column, rowStart) + e.getMessage(), e);
        }
        EOFException located = new EOFException(where(column, rowStart) + e.getMessage());
        located.initCause(e);
        return located;
    }

    private String where(int column, long rowStart) {
        return "row " + (rows + 1) + " (from byte " + rowStart + "), column " + names.get(column) + " "
                + types.get(column) + ": ";
    }
}
