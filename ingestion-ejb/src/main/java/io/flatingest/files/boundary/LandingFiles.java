package io.flatingest.files.boundary;

import io.flatingest.files.control.LandingDirectory;
import io.flatingest.transfer.control.TransferDirectories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The landing directory imports read from: list, upload (streamed to disk, never held in memory), delete. Used by
 * the REST API and the console alike.
 */
@ApplicationScoped
public class LandingFiles {

    /** The setting limiting one upload's size in bytes. */
    public static final String MAX_BYTES = "flatingest.upload.max-bytes";

    @Inject
    TransferDirectories directories;

    /** Largest upload in bytes; default 10 GiB. */
    @Inject
    @ConfigProperty(name = MAX_BYTES, defaultValue = "10737418240")
    long maxBytes;

    /** The files, subdirectories included, sorted by name. */
    public List<LandingFile> list() {
        return directory().list();
    }

    /** One file; NoSuchElementException when it does not exist, IllegalArgumentException for a refused name. */
    public LandingFile get(String name) {
        return directory().get(name);
    }

    /**
     * Stores an upload under {@code name}: streamed into a temporary file, renamed when complete.
     *
     * @throws IllegalArgumentException when the name is refused (separators, leading dot or dash, controls, …)
     * @throws io.flatingest.common.ConflictException when the file exists and {@code overwrite} is false
     * @throws UploadTooLargeException when the content exceeds {@link #maxBytes()}
     */
    public LandingFile store(String name, InputStream content, boolean overwrite) {
        return directory().store(name, content, overwrite);
    }

    /** Deletes a file; NoSuchElementException when it does not exist. */
    public void delete(String name) {
        directory().delete(name);
    }

    /** The upload limit in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    private LandingDirectory directory() {
        return new LandingDirectory(directories.landing(), maxBytes);
    }
}
