package io.flatingest.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application on a real Payara Micro process, started the way {@code scripts/run.sh} starts it (the
 * self-contained WAR, post-boot commands for the database: the H2 file in the data directory, or a PostgreSQL
 * database with its driver added by {@code --addlibs}). Unlike Arquillian's managed container, tests can stop,
 * kill -9 and restart it on the same data directory and database.
 */
public final class MicroServer implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final Map<String, String> environment;
    private Map<String, String> nextEnvironment = Map.of();
    private PostgresDatabase postgres;
    private Process process;
    private Path log;
    private int starts;

    /**
     * @param dataDir     the application's data directory (H2 database, landing and export directories)
     * @param port        HTTP port
     * @param environment extra environment (FLATINGEST_* settings); the administrator's password
     *                    ({@link TestSecurity#baseEnvironment()}) is always set
     */
    public MicroServer(Path dataDir, int port, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.port = port;
        this.environment = environment;
    }

    /** Extra environment for the following starts (e.g. a setting to change across a restart). */
    public MicroServer withEnvironment(Map<String, String> extra) {
        this.nextEnvironment = Map.copyOf(extra);
        return this;
    }

    /** Keeps the job repository and the application's tables in this PostgreSQL database instead of H2. */
    public MicroServer onPostgres(PostgresDatabase database) {
        this.postgres = database;
        return this;
    }

    /** Deletes everything in the data directory (before the first start of a test). */
    public MicroServer clean() {
        if (Files.exists(dataDir)) {
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return this;
    }

    /** Starts Payara Micro and waits until the application reports ready; returns the start time in ms. */
    public long start() {
        long began = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            Path postBoot = dataDir.resolve("postboot.asadmin");
            Path script = Path.of(System.getProperty("flatingest.scripts", "../scripts"))
                    .resolve("payara/render-commands.sh");
            List<String> renderArgs = postgres == null ? List.of("h2", dataDir.toString())
                    : List.of("postgresql", postgres.host(), Integer.toString(postgres.port()), postgres.name(),
                            postgres.user(), postgres.password());
            List<String> render = new ArrayList<>(List.of("bash", script.toString()));
            render.addAll(renderArgs);
            Process rendering = new ProcessBuilder(render).redirectOutput(postBoot.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (rendering.waitFor() != 0) {
                throw new IllegalStateException("render-commands.sh failed");
            }
            Path war = dataDir.resolve("flatingest.war");
            Files.copy(TestEnvironment.war(), war, StandardCopyOption.REPLACE_EXISTING);
            log = dataDir.resolve("micro-" + (++starts) + ".log");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-jar", TestEnvironment.microJar().toString(),
                    "--deploy", war.toString(), "--contextroot", "flatingest", "--port", Integer.toString(port),
                    "--postbootcommandfile", postBoot.toString(), "--nocluster", "--disablephonehome"));
            if (postgres != null) {
                cmd.addAll(List.of("--addlibs", TestEnvironment.postgresqlJar().toString()));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("FLATINGEST_DATA_DIR", dataDir.toString());
            pb.environment().put("FLATINGEST_CLICKHOUSE_URL", TestEnvironment.clickHouseUrl());
            pb.environment().putAll(TestSecurity.baseEnvironment());
            pb.environment().putAll(environment);
            pb.environment().putAll(nextEnvironment);
            process = pb.start();
            try {
                awaitReady(Duration.ofMinutes(6));
            } catch (RuntimeException | IOException notReady) {
                kill(); // never leave a half-started server behind
                throw notReady;
            }
            return (System.nanoTime() - began) / 1_000_000;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Payara Micro", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The application's base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/flatingest";
    }

    /** The server's root URL (health, openapi). */
    public String rootUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The application's data directory (landing, exports, work files, H2 database). */
    public Path dataDirectory() {
        return dataDir;
    }

    /** The current log file. */
    public Path log() {
        return log;
    }

    /** Graceful stop (SIGTERM), waiting up to a minute. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit(Duration.ofMinutes(1));
        }
    }

    /** Kills the JVM at once (SIGKILL), as a power cut or the OOM killer would. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(30));
        }
    }

    @Override
    public void close() {
        stop();
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited during start-up; log: " + log + "\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(rootUrl() + "/health/ready"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                // 200 alone is not enough: Micro answers UP before the application's own checks are registered
                if (r.statusCode() == 200 && r.body().contains("\"clickhouse\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            ApiClient.sleep(500);
        }
        throw new IllegalStateException("Payara Micro not ready within " + timeout + "; log: " + log + "\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
