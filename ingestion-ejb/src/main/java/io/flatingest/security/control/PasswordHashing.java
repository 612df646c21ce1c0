package io.flatingest.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Password hashes with Jakarta Security's {@link Pbkdf2PasswordHash}: PBKDF2-HMAC-SHA512, 210 000 iterations
 * (OWASP's 2023 figure for SHA-512), 32-byte salt. Each stored hash names its own algorithm and iteration count, so
 * raising these later keeps old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHashing {

    /** Shortest password accepted. */
    public static final int MIN_LENGTH = 12;
    /** Longest password accepted (PBKDF2 hashes the whole input: bound the work an attacker can request). */
    public static final int MAX_LENGTH = 256;

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private String dummyHash;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        dummyHash = pbkdf2.generate(generate().toCharArray());
    }

    /** The hash to store for a password. */
    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /** Whether the password matches the stored hash. */
    public boolean verify(String password, String storedHash) {
        return pbkdf2.verify(password.toCharArray(), storedHash);
    }

    /** Spends the time a verification costs, so that unknown user names cannot be told apart by timing. */
    public void verifyNothing(String password) {
        pbkdf2.verify(password == null ? new char[0] : password.toCharArray(), dummyHash);
    }

    /** Refuses passwords that are too short or too long. */
    public static String requireAcceptable(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("A password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A password may have at most " + MAX_LENGTH + " characters");
        }
        return password;
    }

    /** A random 20-character password (about 117 bits). */
    public static String generate() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
