package io.flatingest.infrastructure.flatfile;

/** A user-supplied path or file name that is refused; the message says why, in words fit for the user. */
public final class PathRejectedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public PathRejectedException(String reason) {
        super(reason);
    }
}
