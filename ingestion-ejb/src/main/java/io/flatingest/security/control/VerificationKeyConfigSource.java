package io.flatingest.security.control;

import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives Payara's MicroProfile JWT the public half of the application's signing key as
 * {@code mp.jwt.verify.publickey}. The key is configured or generated at run time ({@link SigningKeys}), so it cannot
 * be a fixed property; a config source (registered in {@code META-INF/services}) answers with whatever key the
 * application signs with. Do not set {@code mp.jwt.verify.publickey*} yourself.
 */
public class VerificationKeyConfigSource implements ConfigSource {

    /** The MicroProfile JWT property this source answers. */
    public static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

    private static final Logger LOG = Logger.getLogger(VerificationKeyConfigSource.class.getName());

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PUBLIC_KEY);
    }

    @Override
    public String getValue(String propertyName) {
        if (!PUBLIC_KEY.equals(propertyName)) {
            return null;
        }
        try {
            return SigningKeys.current().publicKeyPem();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "No token signing key: every token will be refused", e);
            return null;
        }
    }

    @Override
    public int getOrdinal() {
        // Above every usual source: the key that verifies must be the one that signs.
        return 1000;
    }

    @Override
    public String getName() {
        return "flatingest token verification key";
    }
}
