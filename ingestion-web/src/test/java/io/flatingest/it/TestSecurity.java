package io.flatingest.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The security settings the test harness gives the application, and the secrets tests must never see again in a
 * response or a log line: the first administrator's password ({@code flatingest.security.admin-password}), and for
 * the shared Payara Micro a configured token key pair and secret key (so that tests can sign tokens of their own).
 */
public final class TestSecurity {

    /** The first administrator's user name. */
    public static final String ADMIN = "admin";

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private TestSecurity() {
    }

    /** The administrator password every test server starts with (the build's {@code it.admin.password}). */
    public static String adminPassword() {
        String password = System.getProperty("flatingest.it.admin-password", "it-Admin-passw0rd-7c41");
        SECRETS.add(password);
        return password;
    }

    /** Settings for every test server: the administrator's password. */
    public static Map<String, String> baseEnvironment() {
        return Map.of("FLATINGEST_SECURITY_ADMIN_PASSWORD", adminPassword());
    }

    /**
     * Settings for the shared server (besides {@code more}): also a configured token key pair ({@code flatingest.security.jwt.private-key}
     * as a file) and secret key, kept under target/it/keys and reused by later runs on the same data directory.
     */
    public static Map<String, String> sharedEnvironment(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.putAll(baseEnvironment());
        env.put("FLATINGEST_SECURITY_JWT_PRIVATE_KEY", privateKeyFile().toString());
        env.put("FLATINGEST_SECURITY_SECRET_KEY", secretKey());
        return env;
    }

    /** The shared server's token signing key. */
    public static RSAPrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKeyFile(), StandardCharsets.US_ASCII);
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared server's token verification key. */
    public static RSAPublicKey publicKey() {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) privateKey();
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Remembers a value that must never appear in a response or a log line. */
    public static String secret(String value) {
        SECRETS.add(value);
        return value;
    }

    /** Every value registered with {@link #secret}, the administrator password and the shared keys. */
    public static Set<String> secrets() {
        adminPassword();
        return Set.copyOf(SECRETS);
    }

    private static synchronized Path privateKeyFile() {
        Path file = keys().resolve("jwt-private.pem");
        try {
            if (!Files.exists(file)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
                Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                        + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
            }
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            // the key's body never appears in a log either (a 64-character line of it is enough to tell)
            SECRETS.add(pem.lines().skip(3).findFirst().orElseThrow());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized String secretKey() {
        Path file = keys().resolve("secret.key");
        try {
            if (!Files.exists(file)) {
                byte[] raw = new byte[32];
                new SecureRandom().nextBytes(raw);
                Files.writeString(file, Base64.getEncoder().encodeToString(raw));
            }
            return secret(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path keys() {
        try {
            return Files.createDirectories(TestEnvironment.itDirectory().resolve("keys"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
