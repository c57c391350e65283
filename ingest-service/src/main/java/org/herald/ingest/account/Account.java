package org.herald.ingest.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A sending account. Its token and secret key are only stored hashed, so they are not part of it.
 *
 * @param defaultChannel the channel used when a request names none, or null (pushplus default: wechat)
 * @param defaultOption the channel config code used with the default channel, or null
 * @param callbackUrl the account-wide {@code message_complate} URL, or null
 */
public record Account(
        UUID id, String name, String defaultChannel, String defaultOption, String callbackUrl, Instant createdAt) {}
