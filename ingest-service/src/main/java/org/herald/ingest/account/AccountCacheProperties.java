package org.herald.ingest.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ttl the longest an account, token or webhook is served from memory; changes are heard at
 *     once, so this only bounds how long a message token works past its expiry
 * @param maxEntries per kind of lookup (tokens, accounts, webhooks)
 */
@ConfigurationProperties("herald.ingest.account-cache")
public record AccountCacheProperties(@DefaultValue("60s") Duration ttl, @DefaultValue("100000") long maxEntries) {}
