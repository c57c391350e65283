package org.herald.ingest.send;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;
import org.herald.ingest.api.PushplusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-account limits of /send kept in shared counters: the same content at most N times per
 * window (pushplus: 3 per hour) and a daily quota per channel (pushplus counts its day in China time).
 * Both are refused with code 900, pushplus' "restricted" code.
 *
 * <p>Only accepted messages count: a slot is taken before publishing and given back when the broker
 * does not take the message. When the counters cannot be reached the limits are skipped and logged:
 * they guard against floods, and an outage of Redis must not become an outage of sending.
 */
public final class SendLimits {

    private static final Logger log = LoggerFactory.getLogger(SendLimits.class);

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** Longer than a day in any zone, so a counter outlives the day it counts. */
    private static final Duration QUOTA_TTL = Duration.ofHours(48);

    private final SendCounters counters;
    private final int sameContentLimit;
    private final Duration sameContentWindow;
    private final ToIntFunction<String> dailyQuota;
    private final Clock clock;

    /**
     * @param sameContentLimit copies of the same content per window; 0 turns the check off
     * @param dailyQuota the quota of a channel; 0 means unlimited
     */
    public SendLimits(
            SendCounters counters,
            int sameContentLimit,
            Duration sameContentWindow,
            ToIntFunction<String> dailyQuota,
            Clock clock) {
        this.counters = counters;
        this.sameContentLimit = sameContentLimit;
        this.sameContentWindow = sameContentWindow;
        this.dailyQuota = dailyQuota;
        this.clock = clock;
    }

    /** Slots taken by one message, to give back if it is not accepted. */
    public record Reservation(List<String> keys) {}

    /**
     * Takes a slot of each limit for the message.
     *
     * @throws PushplusException 900 when a limit is reached (nothing stays taken)
     */
    public Reservation reserve(ValidSend send) {
        List<String> taken = new ArrayList<>();
        String account = send.account().id().toString();
        int quota = dailyQuota.applyAsInt(send.channel());
        if (quota > 0) {
            String key = "herald:ingest:quota:" + account + ":" + send.channel() + ":"
                    + LocalDate.now(clock.withZone(BEIJING)).format(DateTimeFormatter.BASIC_ISO_DATE);
            if (!take(key, quota, QUOTA_TTL, taken)) {
                throw new PushplusException(
                        PushplusException.RESTRICTED, "今日" + send.channel() + "渠道发送次数已达上限" + quota + "次，请明天（北京时间）再试");
            }
        }
        if (sameContentLimit > 0) {
            String key = "herald:ingest:same:" + account + ":" + contentHash(send);
            if (!take(key, sameContentLimit, sameContentWindow, taken)) {
                release(new Reservation(taken));
                throw new PushplusException(
                        PushplusException.RESTRICTED,
                        "相同内容" + spoken(sameContentWindow) + "内最多发送" + sameContentLimit + "次，请勿重复发送");
            }
        }
        return new Reservation(List.copyOf(taken));
    }

    /** Gives back the slots of a message that was not accepted. */
    public void release(Reservation reservation) {
        for (String key : reservation.keys()) {
            failOpen(() -> {
                counters.decrement(key);
                return true;
            });
        }
    }

    private boolean take(String key, int limit, Duration ttl, List<String> taken) {
        Boolean incremented = failOpen(() -> counters.incrementBelow(key, limit, ttl));
        if (incremented == null) {
            return true;
        }
        if (incremented) {
            taken.add(key);
        }
        return incremented;
    }

    /** The counter's answer, or null when the counters are unreachable. */
    private static Boolean failOpen(BooleanSupplier call) {
        try {
            return call.getAsBoolean();
        } catch (RuntimeException e) {
            log.warn("send limits skipped, counters unavailable: {}", e.toString());
            return null;
        }
    }

    /** Length-prefixed fields, so that moving text between title and content is another message. */
    static String contentHash(ValidSend send) {
        StringBuilder key = new StringBuilder();
        for (String field : new String[] {send.channel(), send.template(), send.title(), send.content()}) {
            String value = field == null ? "" : field;
            key.append(value.length()).append(':').append(value).append('\n');
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A window as the message says it: 1小时, 30分钟, 45秒. */
    static String spoken(Duration window) {
        if (window.toSeconds() % 3600 == 0) {
            return window.toHours() + "小时";
        }
        if (window.toSeconds() % 60 == 0) {
            return window.toMinutes() + "分钟";
        }
        return window.toSeconds() + "秒";
    }
}
