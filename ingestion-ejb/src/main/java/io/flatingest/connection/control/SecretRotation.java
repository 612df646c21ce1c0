package io.flatingest.connection.control;

import io.flatingest.connection.boundary.ConnectionProfiles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Completes a rotation of {@code flatingest.security.secret-key} at start-up: passwords stored under a key listed in
 * {@code flatingest.security.previous-secret-keys} are encrypted again under the current key.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class SecretRotation {

    private static final Logger LOG = Logger.getLogger(SecretRotation.class.getName());

    @Inject
    ConnectionProfiles profiles;

    @PostConstruct
    void reEncrypt() {
        int count = profiles.reEncryptStaleSecrets();
        if (count > 0) {
            LOG.info(() -> count + " connection password(s) encrypted again under the current secret key");
        }
    }
}
