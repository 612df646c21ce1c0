package io.flatingest.transfer.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The directories files move through, created at start-up: the landing directory imports read from, the export
 * directory finished exports appear in, and the work directory for reject files and other per-execution files.
 * Every user-supplied path is confined to one of them.
 */
@Singleton
@Startup
public class TransferDirectories {

    private static final Logger LOG = Logger.getLogger(TransferDirectories.class.getName());

    /** The setting naming the data directory. */
    public static final String DATA_DIR = "flatingest.data.dir";

    /** Its default ({@code ~/.flatingest}). */
    public static final String DATA_DIR_DEFAULT = "${user.home}/.flatingest";

    @Inject
    @ConfigProperty(name = DATA_DIR, defaultValue = DATA_DIR_DEFAULT)
    String dataDir;

    @Inject
    @ConfigProperty(name = "flatingest.landing.dir")
    Optional<String> landingDir;

    @Inject
    @ConfigProperty(name = "flatingest.export.dir")
    Optional<String> exportDir;

    private Path data;
    private Path landing;
    private Path export;
    private Path work;

    @PostConstruct
    void create() {
        data = resolve(dataDir);
        landing = landingDir.map(Path::of).orElse(data.resolve("landing")).toAbsolutePath().normalize();
        export = exportDir.map(Path::of).orElse(data.resolve("exports")).toAbsolutePath().normalize();
        work = data.resolve("work");
        for (Path p : new Path[] {data, landing, export, work}) {
            try {
                Files.createDirectories(p);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create directory " + p + " (check flatingest.*.dir)", e);
            }
        }
        LOG.info(() -> "Data directory " + data + "; landing " + landing + "; exports " + export);
    }

    /**
     * The data directory a {@code flatingest.data.dir} value names, for code that runs before or outside CDI (the
     * token key pair is needed while the application deploys).
     */
    public static Path resolve(String configured) {
        String value = configured == null ? DATA_DIR_DEFAULT : configured;
        return Path.of(value.replace("${user.home}", System.getProperty("user.home"))).toAbsolutePath().normalize();
    }

    /** The application's data directory. */
    public Path data() {
        return data;
    }

    /** Where files to import are uploaded or dropped. */
    public Path landing() {
        return landing;
    }

    /** Where finished exports appear. */
    public Path export() {
        return export;
    }

    /** Per-execution working files (reject files, partial downloads). */
    public Path work() {
        return work;
    }
}
