package org.herald.sealing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a secret so it can cross a Kafka topic without being readable there: AES-256-GCM with a
 * random 96-bit nonce, written as {@code v1:<base64(nonce | ciphertext | tag)>}. GCM also
 * authenticates, so a tampered value fails to open instead of yielding garbage.
 */
public final class SecretSealer {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    // Looking the cipher up costs more than sealing a short value; an instance is not thread-safe,
    // so each thread keeps its own and initialises it afresh (new nonce) for every value.
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(SecretSealer::newCipher);

    public SecretSealer(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the sealing key must be 32 bytes (256 bits), was " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Builds a sealer from the base64 form used in configuration. */
    public static SecretSealer fromBase64(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException(
                    "no sealing key configured (herald.sealing.key, env HERALD_SEALING_KEY)");
        }
        return new SecretSealer(Base64.getDecoder().decode(base64Key.trim()));
    }

    public String seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String open(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new SealedValueException("not a sealed value");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SealedValueException("sealed value is not base64");
        }
        if (bytes.length <= NONCE_BYTES) {
            throw new SealedValueException("sealed value too short");
        }
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SealedValueException("sealed value does not open with this key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }
}
