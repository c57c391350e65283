package org.herald.ingest.send;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.herald.ingest.account.Account;
import org.herald.ingest.api.PushplusException;
import org.herald.outbound.AddressPolicy;
import org.herald.outbound.UrlGuard;
import org.junit.jupiter.api.Test;

class SendRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final SendRules strict =
            new SendRules(new UrlGuard(AddressPolicy.strict()), 10, Duration.ofDays(365), CLOCK);

    @Test
    void shouldRefuseMoreRecipientsThanConfigured() {
        String eleven = String.join(",", java.util.Collections.nCopies(11, "f"));

        assertRefused(strict, request(eleven), send(null, null), "to最多10个接收人，本次11个");
        assertThatCode(() -> strict.check(request("a, ,b,,c"), send(null, null)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseADeadlineFurtherAheadThanConfigured() {
        assertRefused(
                strict,
                request(null),
                send(NOW.plus(Duration.ofDays(366)), null),
                "timestamp超出范围: 最晚为当前时间之后365天（timestamp是毫秒时间戳）");
        assertThatCode(() -> strict.check(request(null), send(NOW.plus(Duration.ofDays(30)), null)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseCallbackUrlsNamingLoopbackPrivateOrMetadataAddressesInAnySpelling() {
        for (String url : List.of(
                "http://127.0.0.1/cb",
                "http://2130706433/cb",
                "http://0x7f.1/cb",
                "http://127.1/cb",
                "http://10.1.2.3/cb",
                "http://192.168.1.1/cb",
                "http://[::1]/cb",
                "http://[::ffff:127.0.0.1]/cb",
                "http://169.254.169.254/latest/meta-data",
                "http://0.0.0.0/cb",
                "http://localhost:8080/cb",
                "http://api.localhost/cb")) {
            assertRefused(strict, request(null), send(null, url), "callbackUrl不能指向本机、内网或保留地址");
        }
        assertRefused(strict, request(null), send(null, "http://user:pw@example.com/cb"), "callbackUrl不能包含用户名或密码");
        assertRefused(strict, request(null), send(null, "http://1.2.3.4.5/cb"), "callbackUrl的主机地址不合法");
        assertThatCode(() -> strict.check(request(null), send(null, "https://example.com/cb?x=1")))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldAllowPrivateTargetsOnlyWhenConfiguredButNeverMetadata() {
        SendRules local =
                new SendRules(new UrlGuard(AddressPolicy.allowingPrivateNetworks()), 10, Duration.ofDays(365), CLOCK);

        assertThatCode(() -> local.check(request(null), send(null, "http://127.0.0.1:8090/callback/demo")))
                .doesNotThrowAnyException();
        assertRefused(local, request(null), send(null, "http://169.254.169.254/"), "callbackUrl不能指向本机、内网或保留地址");
    }

    private static void assertRefused(SendRules rules, SendParameters request, ValidSend send, String msg) {
        assertThatThrownBy(() -> rules.check(request, send))
                .as(send.callbackUrl())
                .isInstanceOfSatisfying(PushplusException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(999);
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).isEqualTo(msg);
                });
    }

    private static SendParameters request(String to) {
        return new SendParameters("t", null, "c", null, null, "webhook", "f", null, null, to);
    }

    private static ValidSend send(Instant deadline, String callbackUrl) {
        Account account = new Account(UUID.randomUUID(), "a", null, null, null, Instant.EPOCH);
        return new ValidSend(account, "webhook", "html", "", "c", "f", null, List.of(), callbackUrl, deadline);
    }
}
