package org.herald.channel.webhook.feishu;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Feishu/Lark bot signature (reference §3), key and data the reverse of DingTalk's: HMAC-SHA256
 * keyed with {@code timestamp + "\n" + secret} over no data, Base64. Timestamp in seconds.
 */
final class FeishuSigner {

    private FeishuSigner() {}

    static String sign(String secret, long timestampSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = (timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8);
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
