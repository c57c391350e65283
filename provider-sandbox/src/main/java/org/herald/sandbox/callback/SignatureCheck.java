package org.herald.sandbox.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a careful receiver does with a Standard Webhooks request (reference §10.4): HMAC-SHA256 of
 * {@code id.timestamp.body} over the raw bytes, any {@code v1,} entry may match, constant-time
 * comparison, timestamps outside ±5 minutes refused.
 */
final class SignatureCheck {

    static final long TOLERANCE_SECONDS = 300;

    private SignatureCheck() {}

    /**
     * A one-line verdict for the inbox: "signature verified", or why not; null for an unsigned
     * request to a receiver that expects no signature (nothing worth saying).
     */
    static String verdict(String secret, String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (signatures == null || signatures.isBlank()) {
            return secret == null ? null : "unsigned, though this receiver expects signatures";
        }
        if (secret == null) {
            return "signed, not checked (no secret set for this receiver)";
        }
        if (id == null || timestamp == null) {
            return "signature INVALID: webhook-id or webhook-timestamp missing";
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return "signature INVALID: webhook-timestamp is not a number";
        }
        if (Math.abs(now.getEpochSecond() - sentAt) > TOLERANCE_SECONDS) {
            return "signature INVALID: webhook-timestamp outside ±5 minutes";
        }
        byte[] expected;
        try {
            expected = hmac(secret, id, timestamp.trim(), body);
        } catch (IllegalArgumentException e) {
            return "signature not checked: the receiver's secret is not whsec_ + base64";
        }
        for (String entry : signatures.trim().split(" +")) {
            if (!entry.startsWith("v1,")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(3));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return "signature verified";
            }
        }
        return "signature INVALID";
    }

    static byte[] hmac(String secret, String id, String timestamp, byte[] body) {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
