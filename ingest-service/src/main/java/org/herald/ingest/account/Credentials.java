package org.herald.ingest.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * How tokens, secret keys and access keys are made and compared. They are long random values, so a
 * plain SHA-256 is enough to store them: there is nothing to brute-force as with a password.
 */
public final class Credentials {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Credentials() {}

    /** A new random value of {@code bytes} bytes as lowercase hex. */
    public static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HEX.formatHex(value);
    }

    /** The stored form of a credential: SHA-256, lowercase hex. */
    public static String hash(String credential) {
        return HEX.formatHex(sha256(credential));
    }

    /**
     * Compares two secrets in time independent of where they differ. Both are hashed first so that
     * their lengths do not leak either.
     */
    public static boolean same(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected), sha256(given));
    }

    /** Compares a given credential with a stored hash in constant time. */
    public static boolean matchesHash(String storedHash, String given) {
        if (storedHash == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(
                storedHash.getBytes(StandardCharsets.US_ASCII), hash(given).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
