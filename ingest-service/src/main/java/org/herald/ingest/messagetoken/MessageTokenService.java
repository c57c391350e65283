package org.herald.ingest.messagetoken;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.herald.ingest.account.AccountChanged;
import org.herald.ingest.account.Credentials;
import org.herald.ingest.api.PushplusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Message tokens: made here, shown once, stored hashed. A valid unexpired one sends like the user
 * token (the lookup is {@code AccountDirectory.findByToken}); it cannot fetch an open-API access key.
 */
@Service
public class MessageTokenService {

    /** pushplus' default expiry: practically never. */
    static final String DEFAULT_EXPIRY = "2999-12-31";

    static final int HINT_LENGTH = 4;
    static final int MAX_NAME_LENGTH = 100;
    /** Enough for one token per script or device; a bound keeps an account from filling the table. */
    static final int MAX_TOKENS = 100;

    /** pushplus speaks China time. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Logger log = LoggerFactory.getLogger(MessageTokenService.class);

    private final MessageTokenRepository tokens;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MessageTokenService(MessageTokenRepository tokens, Clock clock, ApplicationEventPublisher events) {
        this.tokens = tokens;
        this.clock = clock;
        this.events = events;
    }

    /** Makes a token; the answer is the only time it is seen in clear. */
    public String add(UUID accountId, String name, String expireTime) {
        String tokenName = name(name);
        Instant expiresAt = expiry(expireTime == null || expireTime.isBlank() ? DEFAULT_EXPIRY : expireTime);
        if (tokens.count(accountId) >= MAX_TOKENS) {
            throw PushplusException.invalid("消息token数量已达上限" + MAX_TOKENS + "个");
        }
        String token = Credentials.randomHex(16);
        MessageToken stored = tokens.insert(accountId, tokenName, token, expiresAt, clock.instant());
        log.info("message token {} added to account {}", stored.id(), accountId);
        return token;
    }

    /** Renames a token and, when {@code expireTime} is given, moves its expiry. */
    public void edit(UUID accountId, Long id, String name, String expireTime) {
        MessageToken token = existing(accountId, id);
        Instant expiresAt = expireTime == null || expireTime.isBlank() ? token.expiresAt() : expiry(expireTime);
        tokens.update(accountId, token.id(), name(name), expiresAt);
        // A shortened expiry must hold at once on this instance, not when the cache entry ages out.
        events.publishEvent(new AccountChanged(accountId));
    }

    public void delete(UUID accountId, Long id) {
        if (id == null || !tokens.delete(accountId, id)) {
            throw PushplusException.invalid("消息token不存在");
        }
        events.publishEvent(new AccountChanged(accountId));
        log.info("message token {} of account {} deleted", id, accountId);
    }

    public List<MessageToken> page(UUID accountId, int offset, int limit) {
        return tokens.list(accountId, offset, limit);
    }

    public long count(UUID accountId) {
        return tokens.count(accountId);
    }

    public List<MessageToken> all(UUID accountId) {
        return tokens.all(accountId);
    }

    /** How a listing shows a token it no longer has: its first characters, the rest masked. */
    public static String masked(MessageToken token) {
        return token.hint() + "*".repeat(32 - HINT_LENGTH);
    }

    /** The expiry as pushplus shows it, China time. */
    public static String expireTime(MessageToken token) {
        return DATE_TIME.format(token.expiresAt().atZone(CHINA));
    }

    /**
     * {@code yyyy-MM-dd} (valid through that whole day) or {@code yyyy-MM-dd HH:mm:ss}, China time;
     * not in the past.
     */
    Instant expiry(String expireTime) {
        String value = expireTime.trim();
        Instant expiresAt;
        try {
            expiresAt = value.length() == 10
                    ? LocalDate.parse(value)
                            .plusDays(1)
                            .atStartOfDay(CHINA)
                            .toInstant()
                            .minusSeconds(1)
                    : LocalDateTime.parse(value, DATE_TIME).atZone(CHINA).toInstant();
        } catch (DateTimeParseException e) {
            throw PushplusException.invalid("expireTime格式应为yyyy-MM-dd或yyyy-MM-dd HH:mm:ss");
        }
        if (!expiresAt.isAfter(clock.instant())) {
            throw PushplusException.invalid("expireTime不能早于当前时间");
        }
        return expiresAt;
    }

    private MessageToken existing(UUID accountId, Long id) {
        if (id == null) {
            throw PushplusException.invalid("id不能为空");
        }
        return tokens.find(accountId, id).orElseThrow(() -> PushplusException.invalid("消息token不存在"));
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw PushplusException.invalid("name不能为空");
        }
        String trimmed = name.trim();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw PushplusException.invalid("name长度不能超过" + MAX_NAME_LENGTH + "个字符");
        }
        return trimmed;
    }
}
