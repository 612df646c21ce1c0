package io.flatingest.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void aKeyPairIsGeneratedAtTheFirstStartAndReusedAfter() throws Exception {
        SigningKeys.Keys first = SigningKeys.fromDataDirectory(dir.resolve("security"));
        SigningKeys.Keys second = SigningKeys.fromDataDirectory(dir.resolve("security"));
        assertEquals(first.publicKey(), second.publicKey());
        assertEquals(first.keyId(), second.keyId());
        assertEquals(2048, first.publicKey().getModulus().bitLength());
        Path privateFile = dir.resolve("security/jwt-private.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)));
        assertEquals(first.publicKey(), Pem.publicKey(Files.readString(dir.resolve("security/jwt-public.pem"))));
    }

    @Test
    void pemKeysRoundTripAndThePublicHalfIsDerivedFromThePrivateKey() {
        SigningKeys.Keys keys = SigningKeys.fromDataDirectory(dir);
        assertEquals(keys.privateKey(), Pem.privateKey(Pem.format(keys.privateKey())));
        assertEquals(keys.publicKey(), Pem.publicKeyOf(keys.privateKey()));
        String escaped = Pem.format(keys.privateKey()).replace("\n", "\\n");
        assertEquals(keys.privateKey(), Pem.privateKey(escaped), "\\n escapes, as environment variables carry them");
    }

    @Test
    void aPkcs1KeyIsRefusedWithTheCommandThatConvertsIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pem.privateKey("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"));
        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8"), e.getMessage());
    }

    @Test
    void aSettingIsPemTextOrAFile() throws Exception {
        SigningKeys.Keys keys = SigningKeys.fromDataDirectory(dir);
        String pem = Pem.format(keys.privateKey());
        Path file = Files.writeString(dir.resolve("configured.pem"), pem);
        assertEquals(pem, SigningKeys.pemOrFile("s", pem));
        assertEquals(pem, SigningKeys.pemOrFile("s", file.toString()));
    }
}
