package io.flatingest.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A throwaway Payara Server domain on non-default ports, prepared and deployed by {@code scripts/payara-server.sh}
 * exactly as an administrator would, so that the smoke test also proves the deployment script.
 */
final class PayaraServerDomain implements AutoCloseable {

    private final Path work;
    private final int portBase;
    private final Map<String, String> settings;

    PayaraServerDomain(Path work, int portBase, Map<String, String> settings) {
        this.work = work;
        this.portBase = portBase;
        this.settings = settings;
    }

    /** The application's base URL. */
    String baseUrl() {
        return "http://127.0.0.1:" + (portBase + 80) + "/flatingest";
    }

    /** The application's data directory (landing and export directories). */
    Path dataDirectory() {
        return work.resolve("data");
    }

    /** Runs {@code payara-server.sh} with the given arguments; fails with its output when it fails. */
    String script(String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", Path.of(System.getProperty("flatingest.scripts"))
                .resolve("payara-server.sh").toString()));
        cmd.addAll(List.of(args));
        try {
            Files.createDirectories(work);
            Path log = Files.createTempFile(work, "payara-server-", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("PAYARA_HOME", System.getProperty("payara.home"));
            pb.environment().put("FLATINGEST_DOMAIN_DIR", work.resolve("domains").toString());
            pb.environment().put("FLATINGEST_PORTBASE", Integer.toString(portBase));
            pb.environment().put("FLATINGEST_DATA_DIR", dataDirectory().toString());
            pb.environment().put("AS_ADMIN_READTIMEOUT", "600000");
            pb.environment().putAll(settings);
            Process p = pb.start();
            int exit = p.waitFor();
            String output = Files.readString(log);
            if (exit != 0) {
                throw new AssertionError("payara-server.sh " + String.join(" ", args) + " failed (" + exit + "):\n"
                        + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("payara-server.sh could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The server log, for failure messages. */
    String serverLogTail() {
        Path log = work.resolve("domains/flatingest/logs/server.log");
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        script("stop");
    }
}
