package io.flatingest.files.boundary;

/** An upload that went past the configured size limit; nothing of it was kept. The REST API answers 413. */
public class UploadTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public UploadTooLargeException(String name, long limit) {
        super("File '" + name + "' is larger than the upload limit of " + limit + " bytes"
                + " (flatingest.upload.max-bytes): nothing was kept. Copy large files into the landing directory"
                + " directly, or raise the limit.");
        this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }
}
