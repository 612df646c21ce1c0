package io.flatingest.security.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RSA keys in PEM: PKCS#8 private keys ({@code BEGIN PRIVATE KEY}), X.509 public keys ({@code BEGIN PUBLIC KEY}). */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----(.*?)-----END \\1-----",
            Pattern.DOTALL);

    private Pem() {
    }

    /** Parses a PKCS#8 RSA private key. */
    public static RSAPrivateKey privateKey(String pem) {
        byte[] der = block(pem, "PRIVATE KEY");
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("Not an RSA private key in PKCS#8 PEM: " + e.getMessage(), e);
        }
    }

    /** Parses an X.509 (SubjectPublicKeyInfo) RSA public key. */
    public static RSAPublicKey publicKey(String pem) {
        byte[] der = block(pem, "PUBLIC KEY");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("Not an RSA public key in PEM: " + e.getMessage(), e);
        }
    }

    /** The public half of a private key (every key the JDK or OpenSSL writes in PKCS#8 carries it). */
    public static RSAPublicKey publicKeyOf(RSAPrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("The private key lacks its public exponent: configure the public key");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM text of a private key (PKCS#8). */
    public static String format(RSAPrivateKey key) {
        return format("PRIVATE KEY", key.getEncoded());
    }

    /** PEM text of a public key (X.509). */
    public static String format(RSAPublicKey key) {
        return format("PUBLIC KEY", key.getEncoded());
    }

    private static String format(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] block(String pem, String type) {
        // Environment variables and domain properties often carry "\n" escapes instead of line breaks.
        String text = pem.replace("\\n", "\n");
        Matcher m = BLOCK.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("No PEM block found (expected -----BEGIN " + type + "-----)");
        }
        if (!m.group(1).equals(type)) {
            String hint = m.group(1).equals("RSA PRIVATE KEY")
                    ? "; convert it with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out new.pem"
                    : "";
            throw new IllegalArgumentException("Expected a '" + type + "' PEM block, found '" + m.group(1) + "'"
                    + hint);
        }
        try {
            return Base64.getMimeDecoder().decode(m.group(2).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Malformed base64 in the '" + type + "' PEM block", e);
        }
    }
}
