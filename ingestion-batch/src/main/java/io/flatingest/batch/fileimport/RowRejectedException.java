package io.flatingest.batch.fileimport;

/**
 * A record that cannot be imported: declared skippable in the job, so the chunk goes on and
 * {@link RejectedRowListener} writes the row to the reject file.
 */
public class RowRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final String column;
    private final String value;
    private final String record;

    /**
     * @param line   physical line where the record starts
     * @param column the table column, or null when the whole record is bad
     * @param value  the offending text, or null
     * @param reason why, in words a user can act on
     * @param record the record as it stands in the file
     */
    public RowRejectedException(long line, String column, String value, String reason, String record) {
        super(reason, null, false, false);
        this.line = line;
        this.column = column;
        this.value = value;
        this.record = record;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }

    public String value() {
        return value;
    }

    public String record() {
        return record;
    }

    /** The reason, without line and column. */
    public String reason() {
        return getMessage();
    }

    /** "line 12, column price, value 'abc': reason" — for logs and failure messages. */
    public String describe() {
        return "line " + line + (column == null ? "" : ", column " + column)
                + (value == null ? "" : ", value '" + value + "'") + ": " + getMessage();
    }
}
