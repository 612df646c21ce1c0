package io.flatingest.security.control;

import io.flatingest.transfer.control.TransferDirectories;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts secrets kept in the database (ClickHouse passwords of connection profiles) with AES-256-GCM under the
 * key {@code flatingest.security.secret-key} (base64 of 32 random bytes: {@code openssl rand -base64 32}). Without
 * that setting a key is generated into {@code <data dir>/security/secret.key} at the first start.
 *
 * <p>A stored value reads {@code v1:<key id>:<base64 of nonce + ciphertext + tag>}; the key id lets old values be
 * read with a retired key listed in {@code flatingest.security.previous-secret-keys} while they are re-encrypted.
 * Each value is bound to what it belongs to (associated data), so a ciphertext copied to another row fails to open.
 */
@ApplicationScoped
public class SecretCipher {

    private static final Logger LOG = Logger.getLogger(SecretCipher.class.getName());
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "flatingest.security.secret-key")
    Optional<String> configuredKey;

    // Optional<String>, split here: Payara cannot inject Optional<List<String>>.
    @Inject
    @ConfigProperty(name = "flatingest.security.previous-secret-keys")
    Optional<String> previousKeys;

    @Inject
    @ConfigProperty(name = TransferDirectories.DATA_DIR, defaultValue = TransferDirectories.DATA_DIR_DEFAULT)
    String dataDir;

    private String currentId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    @PostConstruct
    void loadKeys() {
        SecretKey current = configuredKey.filter(s -> !s.isBlank())
                .map(s -> key("flatingest.security.secret-key", s))
                .orElseGet(() -> generatedKey(TransferDirectories.resolve(dataDir).resolve("security")));
        currentId = id(current);
        keys.put(currentId, current);
        Arrays.stream(previousKeys.orElse("").split(",")).map(String::trim).filter(s -> !s.isBlank())
                .map(s -> key("flatingest.security.previous-secret-keys", s))
                .forEach(k -> keys.putIfAbsent(id(k), k));
    }

    /** Encrypts a secret, bound to its owner (e.g. the connection profile's name). */
    public String encrypt(String secret, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentId), nonce, boundTo);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return VERSION + ":" + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a secret", e);
        }
    }

    /** Decrypts what {@link #encrypt} produced for the same owner. */
    public String decrypt(String stored, String boundTo) {
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException("Unknown format of a stored secret");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("A stored secret was encrypted with key " + parts[1]
                    + ", which is neither flatingest.security.secret-key nor one of the previous-secret-keys");
        }
        byte[] in = Base64.getDecoder().decode(parts[2]);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(in, NONCE_BYTES), boundTo);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret cannot be decrypted (wrong key or altered value)", e);
        }
    }

    /** Whether a stored value was encrypted with an older key and should be encrypted again. */
    public boolean isStale(String stored) {
        String[] parts = stored.split(":", 3);
        return parts.length != 3 || !currentId.equals(parts[1]);
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String boundTo)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static SecretKey key(String setting, String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " must be base64 (openssl rand -base64 32)");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes (256 bits) in base64, got " + raw.length
                    + " bytes (openssl rand -base64 32)");
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static SecretKey generatedKey(Path dir) {
        Path file = dir.resolve("secret.key");
        try {
            if (!Files.exists(file)) {
                byte[] raw = new byte[32];
                RANDOM.nextBytes(raw);
                Files.createDirectories(dir);
                Path temp = Files.createTempFile(dir, "secret", ".tmp");
                SigningKeys.ownerOnly(temp);
                Files.writeString(temp, Base64.getEncoder().encodeToString(raw) + "\n");
                try {
                    Files.move(temp, file);
                    LOG.warning(() -> "flatingest.security.secret-key is not set: generated " + file
                            + ". Keep a copy: stored connection passwords cannot be read without it.");
                } catch (FileAlreadyExistsException e) {
                    LOG.fine(() -> "Secret key created concurrently: " + file);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return key(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key " + file, e);
        }
    }

    private static String id(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
