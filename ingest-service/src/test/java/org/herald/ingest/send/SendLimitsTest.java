package org.herald.ingest.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.herald.ingest.account.Account;
import org.herald.ingest.api.PushplusException;
import org.junit.jupiter.api.Test;

class SendLimitsTest {

    // 16:30 UTC is 00:30 the next day in Beijing.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T16:30:00Z"), ZoneOffset.UTC);
    private static final Account ACCOUNT = new Account(UUID.randomUUID(), "a", null, null, null, Instant.EPOCH);

    private final MemoryCounters counters = new MemoryCounters();

    @Test
    void shouldRefuseTheFourthCopyOfTheSameContentWithin900() {
        SendLimits limits = new SendLimits(counters, 3, Duration.ofHours(1), channel -> 0, CLOCK);
        for (int i = 0; i < 3; i++) {
            limits.reserve(send("webhook", "t", "same"));
        }

        assertRefused(() -> limits.reserve(send("webhook", "t", "same")), "相同内容1小时内最多发送3次，请勿重复发送");
        // Another title, content or channel is another message.
        limits.reserve(send("webhook", "t2", "same"));
        limits.reserve(send("webhook", "t", "other"));
        limits.reserve(send("mail", "t", "same"));
        assertThat(counters.ttls.values()).containsOnly(Duration.ofHours(1));
    }

    @Test
    void shouldNotCountAMessageThatWasGivenBack() {
        SendLimits limits = new SendLimits(counters, 1, Duration.ofMinutes(30), channel -> 0, CLOCK);

        limits.release(limits.reserve(send("webhook", "t", "c")));
        limits.reserve(send("webhook", "t", "c"));

        assertRefused(() -> limits.reserve(send("webhook", "t", "c")), "相同内容30分钟内最多发送1次，请勿重复发送");
    }

    @Test
    void shouldCountTheDailyQuotaPerChannelPerBeijingDay() {
        SendLimits limits =
                new SendLimits(counters, 0, Duration.ofHours(1), channel -> channel.equals("webhook") ? 2 : 0, CLOCK);
        limits.reserve(send("webhook", "a", "1"));
        limits.reserve(send("webhook", "a", "2"));

        assertRefused(() -> limits.reserve(send("webhook", "a", "3")), "今日webhook渠道发送次数已达上限2次，请明天（北京时间）再试");
        assertThat(counters.counts.keySet()).singleElement().asString().endsWith(":webhook:20260302");
        // 0 means unlimited: mail keeps no counter at all.
        limits.reserve(send("mail", "a", "4"));
        assertThat(counters.counts).hasSize(1);
    }

    @Test
    void shouldGiveBackTheQuotaSlotWhenTheSameContentLimitRefuses() {
        SendLimits limits = new SendLimits(counters, 1, Duration.ofHours(1), channel -> 10, CLOCK);
        limits.reserve(send("webhook", "t", "c"));

        assertRefused(() -> limits.reserve(send("webhook", "t", "c")), "相同内容1小时内最多发送1次，请勿重复发送");
        assertThat(counters.counts.entrySet())
                .filteredOn(entry -> entry.getKey().contains(":quota:"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.getValue()).isEqualTo(1));
    }

    @Test
    void shouldFailOpenWhenTheCountersAreUnreachable() {
        SendLimits limits = new SendLimits(counters, 1, Duration.ofHours(1), channel -> 1, CLOCK);
        counters.down = true;

        for (int i = 0; i < 3; i++) {
            SendLimits.Reservation reservation = limits.reserve(send("webhook", "t", "c"));
            assertThat(reservation.keys()).isEmpty();
            limits.release(reservation);
        }
    }

    @Test
    void shouldSayTheWindowAsPeopleDo() {
        assertThat(SendLimits.spoken(Duration.ofHours(2))).isEqualTo("2小时");
        assertThat(SendLimits.spoken(Duration.ofMinutes(90))).isEqualTo("90分钟");
        assertThat(SendLimits.spoken(Duration.ofSeconds(45))).isEqualTo("45秒");
    }

    private static void assertRefused(Runnable call, String msg) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(PushplusException.class, e -> {
            assertThat(e.code()).isEqualTo(900);
            assertThat(e.getMessage()).isEqualTo(msg);
        });
    }

    private static ValidSend send(String channel, String title, String content) {
        return new ValidSend(ACCOUNT, channel, "html", title, content, null, null, List.of(), null, null);
    }
}
