package io.flatingest.security.control;

import io.flatingest.transfer.control.TransferDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The RSA key pair that signs the application's tokens. It comes from configuration
 * ({@code flatingest.security.jwt.private-key}, optionally {@code …public-key}: PEM text or a file path) or, when none
 * is configured, from {@code <data dir>/security/jwt-private.pem}, generated at the first start and reused after.
 *
 * <p>Loaded once per deployment into a static field, on purpose: two parties need the same pair, and one of them
 * runs outside CDI — {@link VerificationKeyConfigSource} hands the public key to Payara's MicroProfile JWT, which
 * asks for it while the application deploys, before any bean exists. Rotating the key therefore means a restart (see
 * the README).
 */
public final class SigningKeys {

    /** Setting: the private key, PEM (PKCS#8) or a path to a PEM file. */
    public static final String PRIVATE_KEY = "flatingest.security.jwt.private-key";
    /** Setting: the public key, PEM or a path; optional (derived from the private key when absent). */
    public static final String PUBLIC_KEY = "flatingest.security.jwt.public-key";

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static Keys loaded;

    private SigningKeys() {
    }

    /**
     * A loaded key pair.
     *
     * @param privateKey signs tokens
     * @param publicKey  verifies them
     * @param keyId      short fingerprint of the public key, sent as the token header's {@code kid}
     * @param origin     where the pair came from, for the log
     */
    public record Keys(RSAPrivateKey privateKey, RSAPublicKey publicKey, String keyId, String origin) {

        /** The public key as PEM, the form {@code mp.jwt.verify.publickey} takes. */
        public String publicKeyPem() {
            return Pem.format(publicKey);
        }

        @Override
        public String toString() {
            return "Keys[keyId=" + keyId + ", origin=" + origin + "]";
        }
    }

    /** The application's key pair, loaded (or generated) on first use. */
    public static synchronized Keys current() {
        if (loaded == null) {
            loaded = load(ConfigProvider.getConfig());
            LOG.info(() -> "Token signing key " + loaded.keyId() + ": " + loaded.origin());
        }
        return loaded;
    }

    static Keys load(Config config) {
        Optional<String> privateSetting = config.getOptionalValue(PRIVATE_KEY, String.class).filter(s -> !s.isBlank());
        Optional<String> publicSetting = config.getOptionalValue(PUBLIC_KEY, String.class).filter(s -> !s.isBlank());
        if (privateSetting.isPresent()) {
            RSAPrivateKey privateKey = Pem.privateKey(pemOrFile(PRIVATE_KEY, privateSetting.get()));
            RSAPublicKey publicKey = publicSetting.map(s -> Pem.publicKey(pemOrFile(PUBLIC_KEY, s)))
                    .orElseGet(() -> Pem.publicKeyOf(privateKey));
            if (publicSetting.isPresent() && !publicKey.getModulus().equals(Pem.publicKeyOf(privateKey).getModulus())) {
                throw new IllegalStateException(PUBLIC_KEY + " is not the public half of " + PRIVATE_KEY);
            }
            return keys(privateKey, publicKey, "from configuration (" + PRIVATE_KEY + ")");
        }
        if (publicSetting.isPresent()) {
            throw new IllegalStateException(PUBLIC_KEY + " is set but " + PRIVATE_KEY
                    + " is not: tokens cannot be signed without the private key");
        }
        Path dir = TransferDirectories.resolve(config.getOptionalValue(TransferDirectories.DATA_DIR, String.class)
                .orElse(null)).resolve("security");
        return fromDataDirectory(dir);
    }

    /** Loads {@code jwt-private.pem} from the directory, generating a fresh 2048-bit pair first if it is missing. */
    static Keys fromDataDirectory(Path dir) {
        Path privateFile = dir.resolve("jwt-private.pem");
        try {
            if (!Files.exists(privateFile)) {
                generate(dir, privateFile);
            }
            RSAPrivateKey privateKey = Pem.privateKey(Files.readString(privateFile, StandardCharsets.US_ASCII));
            return keys(privateKey, Pem.publicKeyOf(privateKey), "from " + privateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token signing key " + privateFile, e);
        }
    }

    private static void generate(Path dir, Path privateFile) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "jwt-private", ".tmp");
        try {
            ownerOnly(temp);
            Files.writeString(temp, Pem.format((RSAPrivateKey) pair.getPrivate()), StandardCharsets.US_ASCII);
            Files.move(temp, privateFile); // fails if another process created it meanwhile: then theirs is used
            Files.writeString(dir.resolve("jwt-public.pem"), Pem.format((RSAPublicKey) pair.getPublic()),
                    StandardCharsets.US_ASCII);
            LOG.info(() -> "Generated a token signing key pair in " + dir);
        } catch (FileAlreadyExistsException e) {
            LOG.fine(() -> "Signing key created concurrently: " + privateFile);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Restricts a file to its owner where the file system knows POSIX permissions. */
    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the directory's ACL applies
        }
    }

    /** A setting holding either PEM text or the path of a PEM file. */
    static String pemOrFile(String setting, String value) {
        if (value.contains("-----BEGIN")) {
            return value;
        }
        try {
            return Files.readString(Path.of(value.trim()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(setting + " is neither PEM text nor a readable file: " + value, e);
        }
    }

    private static Keys keys(RSAPrivateKey privateKey, RSAPublicKey publicKey, String origin) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            String keyId = Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
            return new Keys(privateKey, publicKey, keyId, origin);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
