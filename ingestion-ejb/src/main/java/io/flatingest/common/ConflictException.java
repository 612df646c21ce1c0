package io.flatingest.common;

/**
 * A request that contradicts the current state: a name already taken, the last administrator removed, a read-only
 * object changed. The REST API answers 409; the message tells the user what to do instead.
 */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
