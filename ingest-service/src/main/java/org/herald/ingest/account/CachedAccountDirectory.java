package org.herald.ingest.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The account lookups of the accept path, answered from memory so that /send reads no database.
 *
 * <p>Only found accounts and webhooks are kept: a token or webhook code that does not exist yet is
 * asked of the database every time, so one created a moment ago is never refused from a stale
 * "absent". What is kept is dropped as soon as PostgreSQL reports a change of its account ({@link
 * AccountChangeListener}), on every instance; while that report channel is down, nothing is served
 * from memory at all, because a change could go unnoticed. The time-to-live only bounds how long a
 * message token outlives its expiry here.
 */
public final class CachedAccountDirectory implements AccountDirectory {

    private final AccountDirectory source;
    private final Cache<String, Account> byTokenHash;
    private final Cache<UUID, Account> byId;
    private final Cache<WebhookKey, Webhook> webhooks;
    private volatile boolean trusted;

    public CachedAccountDirectory(AccountDirectory source, AccountCacheProperties properties) {
        this.source = source;
        this.byTokenHash = cache(properties);
        this.byId = cache(properties);
        this.webhooks = cache(properties);
    }

    private static <K, V> Cache<K, V> cache(AccountCacheProperties properties) {
        return Caffeine.newBuilder()
                .maximumSize(properties.maxEntries())
                .expireAfterWrite(properties.ttl())
                .build();
    }

    @Override
    public Optional<Account> findByToken(String token) {
        return lookup(byTokenHash, AccountRepository.tokenHash(token), () -> source.findByToken(token));
    }

    @Override
    public Optional<Account> findById(UUID accountId) {
        return lookup(byId, accountId, () -> source.findById(accountId));
    }

    @Override
    public Optional<Webhook> findWebhook(UUID accountId, String code) {
        return lookup(webhooks, new WebhookKey(accountId, code), () -> source.findWebhook(accountId, code));
    }

    private <K, V> Optional<V> lookup(Cache<K, V> cache, K key, Supplier<Optional<V>> load) {
        if (!trusted) {
            return load.get();
        }
        V kept = cache.getIfPresent(key);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<V> found = load.get();
        found.ifPresent(value -> cache.put(key, value));
        return found;
    }

    /** Something of this account changed: its token, a message token, its settings or its webhooks. */
    public void changed(UUID accountId) {
        byTokenHash.asMap().values().removeIf(account -> account.id().equals(accountId));
        byId.invalidate(accountId);
        webhooks.asMap().keySet().removeIf(key -> key.accountId().equals(accountId));
    }

    /**
     * Changes are reported again: start from empty, since changes may have been missed meanwhile.
     * Entries loaded before this call and stored after it are harmless: they were read after the
     * report channel was listening.
     */
    void trust() {
        invalidateAll();
        trusted = true;
    }

    /** Changes can no longer be heard: serve from the database until they can. */
    void distrust() {
        trusted = false;
        invalidateAll();
    }

    boolean trusted() {
        return trusted;
    }

    private void invalidateAll() {
        byTokenHash.invalidateAll();
        byId.invalidateAll();
        webhooks.invalidateAll();
    }

    private record WebhookKey(UUID accountId, String code) {}
}
