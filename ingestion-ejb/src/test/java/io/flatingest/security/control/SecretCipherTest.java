package io.flatingest.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    @TempDir
    Path dir;

    @Test
    void secretsRoundTripAndAreBoundToTheirOwner() {
        SecretCipher cipher = cipher(Optional.of(randomKey()), Optional.empty());
        String stored = cipher.encrypt("p@ss wörd", "warehouse");
        assertFalse(stored.contains("p@ss"));
        assertNotEquals(stored, cipher.encrypt("p@ss wörd", "warehouse"), "a fresh nonce every time");
        assertEquals("p@ss wörd", cipher.decrypt(stored, "warehouse"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored, "other-profile"));
        String tampered = stored.substring(0, stored.length() - 4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(tampered, "warehouse"));
    }

    @Test
    void aRotatedKeyStillReadsOldValuesWhichAreStale() {
        String oldKey = randomKey();
        String stored = cipher(Optional.of(oldKey), Optional.empty()).encrypt("secret", "p");
        SecretCipher rotated = cipher(Optional.of(randomKey()), Optional.of(oldKey));
        assertTrue(rotated.isStale(stored));
        assertEquals("secret", rotated.decrypt(stored, "p"));
        assertFalse(rotated.isStale(rotated.encrypt("secret", "p")));
        assertThrows(IllegalStateException.class,
                () -> cipher(Optional.of(randomKey()), Optional.empty()).decrypt(stored, "p"));
    }

    @Test
    void withoutASettingAKeyIsGeneratedIntoTheDataDirectoryAndReused() throws Exception {
        String stored = cipher(Optional.empty(), Optional.empty()).encrypt("secret", "p");
        assertTrue(Files.exists(dir.resolve("security/secret.key")));
        assertEquals("secret", cipher(Optional.empty(), Optional.empty()).decrypt(stored, "p"));
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> cipher(Optional.of(Base64.getEncoder().encodeToString(new byte[16])), Optional.empty()));
        assertTrue(e.getMessage().contains("openssl rand -base64 32"), e.getMessage());
    }

    private SecretCipher cipher(Optional<String> key, Optional<String> previous) {
        SecretCipher cipher = new SecretCipher();
        cipher.configuredKey = key;
        cipher.previousKeys = previous;
        cipher.dataDir = dir.toString();
        cipher.loadKeys();
        return cipher;
    }

    private static String randomKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
