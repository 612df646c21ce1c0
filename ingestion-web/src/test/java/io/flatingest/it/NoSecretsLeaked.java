package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After a test class: no password or secret known to {@link TestSecurity} appears in any response received so far
 * ({@link ApiClient#transcript()}) or in any log line of the shared Payara Micro. Register it after
 * {@link SharedMicro}.
 */
public class NoSecretsLeaked implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        assertNoneIn(SharedMicro.server(context));
    }

    /** Fails naming the first secret found and where. */
    public static void assertNoneIn(MicroServer server) {
        List<String> places = new ArrayList<>(ApiClient.transcript());
        try (Stream<Path> logs = Files.list(server.log().getParent())) {
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                places.add(log + "\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String secret : TestSecurity.secrets()) {
            for (String place : places) {
                int at = place.indexOf(secret);
                if (at >= 0) {
                    fail("A secret (" + secret.length() + " characters, starting '" + secret.substring(0, 3)
                            + "') appears in: " + place.substring(0, Math.min(200, place.length())).replace('\n', ' ')
                            + " … near: " + place.substring(Math.max(0, at - 100), at).replace('\n', ' '));
                }
            }
        }
    }
}
