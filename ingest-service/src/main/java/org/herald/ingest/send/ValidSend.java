package org.herald.ingest.send;

import java.time.Instant;
import java.util.List;
import org.herald.ingest.account.Account;

/**
 * A send request that passed every check: what the accepted event will carry.
 *
 * @param option the channel config code, or null
 * @param deadline the {@code timestamp} as an instant, or null
 */
public record ValidSend(
        Account account,
        String channel,
        String template,
        String title,
        String content,
        String option,
        String topic,
        List<String> to,
        String callbackUrl,
        Instant deadline) {}
