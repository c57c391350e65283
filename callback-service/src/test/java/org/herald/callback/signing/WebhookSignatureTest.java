package org.herald.callback.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.herald.callback.StandardWebhooksVerifier;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // The Standard Webhooks published test vector.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void shouldReproduceThePublishedTestVector() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
        assertThat(StandardWebhooksVerifier.verify(SECRET, ID, Long.toString(TIMESTAMP), BODY, SIGNATURE))
                .isTrue();
    }

    @Test
    void shouldSignWithBothSecretsDuringARotationNewestFirst() {
        String newer = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

        String header = WebhookSignature.header(List.of(newer, SECRET), ID, TIMESTAMP, BODY);

        assertThat(header.split(" ")).hasSize(2);
        assertThat(header.split(" ")[1]).isEqualTo(SIGNATURE);
        assertThat(StandardWebhooksVerifier.verify(newer, ID, Long.toString(TIMESTAMP), BODY, header))
                .isTrue();
    }

    @Test
    void shouldNotSignWithoutASecret() {
        assertThat(WebhookSignature.header(List.of(), ID, TIMESTAMP, BODY)).isNull();
    }
}
