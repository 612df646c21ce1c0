package io.flatingest.it;

import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Payara Micro process with the application, shared by every integration test class of the test JVM that
 * uses this extension (starting Micro costs 30–60 s here; tests that need their own process — restarts, crashes —
 * use {@link MicroServer} directly). Test methods and constructors can take the {@link MicroServer} as a
 * parameter. The shared server signs tokens with a configured key pair the tests know ({@link TestSecurity}); log in
 * as the administrator with {@link ApiClient#asAdmin}.
 */
public class SharedMicro implements BeforeAllCallback, ParameterResolver {

    private static final String KEY = SharedMicro.class.getName();

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MicroServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    /** The shared server, started on first use and stopped when the test JVM's tests are done. */
    static MicroServer server(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, k -> new Resource(), Resource.class).server;
    }

    private static final class Resource implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final MicroServer server;

        Resource() {
            // One transfer at a time: the queueing test relies on it, and the suite's transfers run one by one anyway.
            server = new MicroServer(TestEnvironment.itDirectory().resolve("shared-micro"), TestEnvironment.freePort(),
                    TestSecurity.sharedEnvironment(Map.of("FLATINGEST_TRANSFERS_MAX_CONCURRENT", "1",
                    "FLATINGEST_UPLOAD_MAX_BYTES", Long.toString(RestFilesIT.UPLOAD_LIMIT)))).clean();
            long ms = server.start();
            System.out.printf("Shared Payara Micro ready in %d ms at %s%n", ms, server.baseUrl());
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
