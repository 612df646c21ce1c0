package io.flatingest.infrastructure.flatfile.write;

import java.io.IOException;

/** An export file could not be written as asked: a value the charset cannot encode, a lost temporary file, … */
public class ExportFileException extends IOException {

    public ExportFileException(String message) {
        super(message);
    }

    public ExportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
