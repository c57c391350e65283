package org.herald.callback.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 symmetric signatures: {@code v1,<base64 HMAC-SHA256(key, id.timestamp.body)>}
 * with the key being the base64 after {@code whsec_}. Several secrets (a rotation) give several
 * entries separated by a space, newest first.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {}

    /** The {@code webhook-signature} header value, or null when there is no secret to sign with. */
    public static String header(List<String> secrets, String webhookId, long timestamp, byte[] body) {
        List<String> entries = new ArrayList<>();
        for (String secret : secrets) {
            entries.add(sign(secret, webhookId, timestamp, body));
        }
        return entries.isEmpty() ? null : String.join(" ", entries);
    }

    /** One {@code v1,…} entry. */
    public static String sign(String secret, String webhookId, long timestamp, byte[] body) {
        byte[] key = key(secret);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    private static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            // The message names the rule, never the value.
            throw new IllegalArgumentException("a signing secret must start with " + SECRET_PREFIX);
        }
        try {
            return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a signing secret must be whsec_ followed by base64", null);
        }
    }
}
