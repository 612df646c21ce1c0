package io.flatingest.infrastructure.clickhouse;

/**
 * A ClickHouse operation failed. The message is written for a user: the server's own explanation without its
 * stack-trace decoration, or what went wrong on the way to the server. No {@code com.clickhouse} type escapes.
 */
public class ClickHouseAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Error code for failures that did not come from the server (connection refused, timeout, …). */
    public static final int CLIENT_SIDE = -1;

    private final int code;
    private final boolean transientFailure;

    public ClickHouseAccessException(int code, String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.transientFailure = transientFailure;
    }

    /** The server's error code (e.g. 60 for an unknown table), or {@link #CLIENT_SIDE}. */
    public int code() {
        return code;
    }

    /** Whether retrying the same operation later may succeed (server unreachable, timeout, too many queries). */
    public boolean isTransient() {
        return transientFailure;
    }
}
