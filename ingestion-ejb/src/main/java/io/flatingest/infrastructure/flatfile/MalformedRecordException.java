package io.flatingest.infrastructure.flatfile;

/** A record whose fields cannot be read exactly; its message is the reason for the reject file. */
final class MalformedRecordException extends Exception {

    MalformedRecordException(String reason) {
        super(reason, null, false, false);
    }
}
