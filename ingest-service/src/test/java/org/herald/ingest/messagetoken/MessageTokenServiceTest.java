package org.herald.ingest.messagetoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.herald.ingest.api.PushplusException;
import org.junit.jupiter.api.Test;

class MessageTokenServiceTest {

    private final MessageTokenService service =
            new MessageTokenService(null, Clock.fixed(Instant.parse("2026-12-02T04:00:00Z"), ZoneOffset.UTC), null);

    @Test
    void shouldKeepADateOnlyExpiryValidThroughThatDayInChinaTime() {
        assertThat(service.expiry("2026-12-03")).isEqualTo(Instant.parse("2026-12-03T15:59:59Z"));
        assertThat(service.expiry(" 2026-12-02 13:00:00 ")).isEqualTo(Instant.parse("2026-12-02T05:00:00Z"));
    }

    @Test
    void shouldRefuseAnExpiryInThePastOrInAnotherFormat() {
        assertThatThrownBy(() -> service.expiry("2026-12-02 11:59:59"))
                .isInstanceOf(PushplusException.class)
                .hasMessage("expireTime不能早于当前时间");
        assertThatThrownBy(() -> service.expiry("02/12/2027"))
                .isInstanceOf(PushplusException.class)
                .hasMessage("expireTime格式应为yyyy-MM-dd或yyyy-MM-dd HH:mm:ss");
    }

    @Test
    void shouldShowOnlyTheFirstCharactersOfAToken() {
        MessageToken token = new MessageToken(
                1, UUID.randomUUID(), "ci", "ab12", Instant.parse("2999-12-31T15:59:59Z"), Instant.EPOCH);

        assertThat(MessageTokenService.masked(token)).isEqualTo("ab12" + "*".repeat(28));
        assertThat(MessageTokenService.expireTime(token)).isEqualTo("2999-12-31 23:59:59");
    }
}
