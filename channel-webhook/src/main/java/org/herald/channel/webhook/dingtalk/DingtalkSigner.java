package org.herald.channel.webhook.dingtalk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk's 加签 (reference §2): HMAC-SHA256 keyed with the secret over
 * {@code timestamp + "\n" + secret}, Base64, URL-encoded, as query parameters.
 */
final class DingtalkSigner {

    private DingtalkSigner() {}

    /** The Base64 signature, not yet URL-encoded. */
    static String sign(String secret, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    static String queryValue(String secret, long timestampMillis) {
        return URLEncoder.encode(sign(secret, timestampMillis), StandardCharsets.UTF_8);
    }
}
