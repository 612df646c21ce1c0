package io.flatingest.transfer.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The identity of this server among those sharing the application database: what crash recovery uses to tell its
 * own dead executions from executions another server is running. Stable across restarts of the same server.
 */
@ApplicationScoped
public class ServerIdentity {

    @Inject
    @ConfigProperty(name = "flatingest.server.id")
    Optional<String> configured;

    @Inject
    TransferDirectories directories;

    private volatile String id;

    /** {@code flatingest.server.id}, or host name, Payara instance name and data directory. */
    public String id() {
        String value = id;
        if (value == null) {
            value = configured.filter(s -> !s.isBlank()).orElseGet(this::derived);
            id = value;
        }
        return value;
    }

    private String derived() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + System.getProperty("com.sun.aas.instanceName", "server") + ":" + directories.data();
    }
}
