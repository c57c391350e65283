package org.herald.sandbox.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {

    // The Standard Webhooks published test vector.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant THEN = Instant.ofEpochSecond(1614265330);

    @Test
    void shouldVerifyThePublishedTestVector() {
        assertThat(SignatureCheck.verdict(SECRET, ID, TIMESTAMP, SIGNATURE, BODY, THEN))
                .isEqualTo("signature verified");
    }

    @Test
    void shouldAcceptAnyOfSeveralSignaturesDuringARotation() {
        assertThat(SignatureCheck.verdict(
                        SECRET,
                        ID,
                        TIMESTAMP,
                        "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + SIGNATURE,
                        BODY,
                        THEN))
                .isEqualTo("signature verified");
    }

    @Test
    void shouldRefuseATamperedBodyAStaleTimestampAndSayWhenUnsigned() {
        assertThat(SignatureCheck.verdict(
                        SECRET, ID, TIMESTAMP, SIGNATURE, "{\"test\": 1}".getBytes(StandardCharsets.UTF_8), THEN))
                .isEqualTo("signature INVALID");
        assertThat(SignatureCheck.verdict(SECRET, ID, TIMESTAMP, SIGNATURE, BODY, THEN.plusSeconds(301)))
                .isEqualTo("signature INVALID: webhook-timestamp outside ±5 minutes");
        assertThat(SignatureCheck.verdict(SECRET, ID, TIMESTAMP, null, BODY, THEN))
                .isEqualTo("unsigned, though this receiver expects signatures");
        assertThat(SignatureCheck.verdict(null, ID, TIMESTAMP, null, BODY, THEN))
                .isNull();
    }
}
