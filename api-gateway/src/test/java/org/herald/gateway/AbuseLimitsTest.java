package org.herald.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Rate limits and the invalid-token block against a real Redis, with limits small enough to reach.
 * The gateway trusts loopback as a proxy by default, so each test picks its client address through
 * X-Forwarded-For and no test eats another's budget.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "HERALD_RATE_LIMIT_TOKEN_RATE=1",
            "HERALD_RATE_LIMIT_TOKEN_BURST=2",
            "HERALD_RATE_LIMIT_IP_RATE=1",
            "HERALD_RATE_LIMIT_IP_BURST=5",
            "HERALD_INVALID_TOKEN_THRESHOLD=3",
            "HERALD_INVALID_TOKEN_WINDOW=1m",
            "HERALD_INVALID_TOKEN_BLOCK=1m"
        })
class AbuseLimitsTest extends IngestBackedGatewayTest {

    private static final String TOO_MANY = "{\"code\":900,\"msg\":\"请求过于频繁，请稍后重试\",\"data\":null}";
    private static final String BLOCKED = "{\"code\":900,\"msg\":\"该IP因多次使用无效token已被临时封禁，请稍后再试\",\"data\":null}";
    private static final AtomicInteger addresses =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 20));

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void shouldLimitByTheTokenInThePath() throws Exception {
        String token = newToken();

        assertLimitedByToken(ip -> request("/send/" + token + "?content=x", ip).GET(), null);
    }

    @Test
    void shouldLimitByTheTokenInTheQuery() throws Exception {
        String token = newToken();

        assertLimitedByToken(ip -> request("/send?content=x&token=" + token, ip).GET(), null);
    }

    @Test
    void shouldLimitByTheTokenInAJsonBodyAndForwardTheBodyUntouched() throws Exception {
        String json = "{\"title\":\"标题\",\n \"token\":\"" + newToken() + "\",\"content\":\"内容\"}";

        assertLimitedByToken(
                ip -> request("/send", ip)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                json);
    }

    @Test
    void shouldLimitByTheTokenInAFormBodyAndForwardTheBodyUntouched() throws Exception {
        String form = "title=a+b&token=" + newToken() + "&content=%E4%BD%A0%E5%A5%BD";

        assertLimitedByToken(
                ip -> request("/send", ip)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                form);
    }

    @Test
    void shouldLimitRequestsWithoutTokenByTheClientAddress() throws Exception {
        String ip = newAddress();
        int passed = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 8 && refused == null; i++) {
            HttpResponse<String> response = send(request("/m/" + newToken(), ip).GET());
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
                passed++;
            }
        }

        assertThat(passed).isGreaterThanOrEqualTo(5);
        assertTooMany(refused);
        // Another client is not affected.
        assertThat(send(request("/m/" + newToken(), newAddress()).GET()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldNotSpendTheTokensBudgetOnRequestsItsAddressLimitRefused() throws Exception {
        String ip = newAddress();
        String token = newToken();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 8 && refused == null; i++) {
            HttpResponse<String> response = send(request("/m/" + newToken(), ip).GET());
            refused = response.statusCode() == 429 ? response : null;
        }
        assertTooMany(refused);

        for (int i = 0; i < 3; i++) {
            assertTooMany(send(request("/send/" + token + "?content=x", ip).GET()));
        }

        // The token's bucket still holds its burst of two, for requests from other addresses.
        for (int i = 0; i < 2; i++) {
            assertThat(send(request("/send/" + token + "?content=x", newAddress())
                                    .GET())
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void shouldBlockAnAddressThatKeepsUsingInvalidTokensBeforeCallingIngest() throws Exception {
        ingest.answerWithHeader("X-Herald-Code", "903");
        String ip = newAddress();

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> invalid =
                    send(request("/send/" + newToken() + "?content=x", ip).GET());
            assertThat(invalid.statusCode()).isEqualTo(200);
            // The marker is between ingest and the gateway only.
            assertThat(invalid.headers().firstValue("X-Herald-Code")).isEmpty();
            ingest.next();
        }
        HttpResponse<String> blocked =
                send(request("/send/" + newToken() + "?content=x", ip).GET());

        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(blocked.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(blocked.body()).isEqualTo(BLOCKED);
        assertThat(Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(50L, 60L);
        assertThat(ingest.receivedNothing()).isTrue();

        // The right-most address not of a trusted proxy is the client: a proxy chain ending in the
        // blocked address is blocked, one where an untrusted hop follows it is that other client.
        assertThat(send(request("/m/x", "198.51.100.7, " + ip).GET()).statusCode())
                .isEqualTo(403);
        assertThat(send(request("/m/x", ip + ", " + newAddress()).GET()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldApplyABlockAnotherGatewayInstanceMadeWithinTheRecheckPeriod() throws Exception {
        ingest.answerWithHeader("X-Herald-Code", "999");
        String ip = newAddress();
        assertThat(send(request("/m/x", ip).GET()).statusCode()).isEqualTo(200);

        // What another instance writes when it blocks the address; this one remembered "not blocked".
        long until = System.currentTimeMillis() + 60_000;
        redis.opsForValue()
                .set("herald:gateway:blocked-ip:" + ip, Long.toString(until), Duration.ofMinutes(1))
                .block(Duration.ofSeconds(5));

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() ->
                        assertThat(send(request("/m/x", ip).GET()).statusCode()).isEqualTo(403));
    }

    @Test
    void shouldNotBlockAnAddressForOtherAnswers() throws Exception {
        ingest.answerWithHeader("X-Herald-Code", "999");
        String ip = newAddress();

        for (int i = 0; i < 4; i++) {
            assertThat(send(request("/send/" + newToken() + "?content=x", ip).GET())
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    /**
     * The bucket holds two requests of one token, whichever addresses they come from; the third is
     * refused (a fourth covers a refill when the clock's second turns in between).
     */
    private void assertLimitedByToken(Function<String, HttpRequest.Builder> request, String body) throws Exception {
        HttpResponse<String> refused = null;
        int passed = 0;
        for (int i = 0; i < 4 && refused == null; i++) {
            HttpResponse<String> response = send(request.apply(newAddress()));
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
                RecordingBackend.Received received = ingest.next();
                if (body != null) {
                    assertThat(received.bodyText()).isEqualTo(body);
                }
                passed++;
            }
        }

        assertThat(passed).isGreaterThanOrEqualTo(2);
        assertTooMany(refused);
        assertThat(ingest.receivedNothing()).isTrue();
    }

    private static void assertTooMany(HttpResponse<String> refused) {
        assertThat(refused).as("a request over the limit").isNotNull();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(new String(refused.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo(TOO_MANY);
    }

    private HttpRequest.Builder request(String pathAndQuery, String forwardedFor) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("X-Forwarded-For", forwardedFor);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String newToken() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A client address no other test uses, in 10.0.0.0/8. */
    private static String newAddress() {
        int n = addresses.incrementAndGet();
        return "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }
}
