package org.herald.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check written from the Standard Webhooks spec alone, sharing no code with Herald's
 * signer: key = base64 after {@code whsec_}, HMAC-SHA256 over {@code id.timestamp.body}, any
 * {@code v1,} entry of the space-separated header may match.
 */
public final class StandardWebhooksVerifier {

    private StandardWebhooksVerifier() {}

    public static boolean verify(String secret, String id, String timestamp, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
            byte[] content = new byte[prefix.length + body.length];
            System.arraycopy(prefix, 0, content, 0, prefix.length);
            System.arraycopy(body, 0, content, prefix.length, body.length);
            byte[] expected = mac.doFinal(content);
            for (String entry : header.split(" ")) {
                String[] parts = entry.split(",", 2);
                if (parts.length == 2
                        && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
