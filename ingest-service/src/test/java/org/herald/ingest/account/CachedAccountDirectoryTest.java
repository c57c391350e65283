package org.herald.ingest.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachedAccountDirectoryTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    private final CountingDirectory database = new CountingDirectory();
    private final Account account =
            new Account(UUID.randomUUID(), "cached", "webhook", "flow", null, Instant.parse("2026-12-01T00:00:00Z"));
    private final Webhook webhook =
            new Webhook(1, account.id(), "flow", "flow", 7, "v1:sealed", Instant.parse("2026-12-01T00:00:00Z"));
    private CachedAccountDirectory cache;

    @BeforeEach
    void setUp() {
        database.tokens.put(TOKEN, account);
        database.webhooks.put("flow", webhook);
        cache = new CachedAccountDirectory(database, new AccountCacheProperties(Duration.ofMinutes(1), 1000));
        cache.trust();
    }

    @Test
    void shouldAnswerRepeatedLookupsWithoutAskingTheDatabaseAgain() {
        for (int i = 0; i < 5; i++) {
            assertThat(cache.findByToken(TOKEN)).contains(account);
            assertThat(cache.findByToken(TOKEN.toUpperCase())).contains(account);
            assertThat(cache.findWebhook(account.id(), "flow")).contains(webhook);
            assertThat(cache.findById(account.id())).contains(account);
        }

        assertThat(database.queries).isEqualTo(3);
    }

    @Test
    void shouldAskTheDatabaseAgainForWhatWasAbsentSoANewTokenWorksAtOnce() {
        String later = "fedcba9876543210fedcba9876543210";
        assertThat(cache.findByToken(later)).isEmpty();

        database.tokens.put(later, account);

        assertThat(cache.findByToken(later)).contains(account);
    }

    @Test
    void shouldDropEverythingOfAnAccountWhenItChanges() {
        cache.findByToken(TOKEN);
        cache.findWebhook(account.id(), "flow");
        database.tokens.clear();
        database.webhooks.clear();

        cache.changed(account.id());

        assertThat(cache.findByToken(TOKEN)).isEmpty();
        assertThat(cache.findWebhook(account.id(), "flow")).isEmpty();
    }

    @Test
    void shouldKeepOtherAccountsWhenOneChanges() {
        cache.findByToken(TOKEN);
        int before = database.queries;

        cache.changed(UUID.randomUUID());

        assertThat(cache.findByToken(TOKEN)).contains(account);
        assertThat(database.queries).isEqualTo(before);
    }

    @Test
    void shouldServeFromTheDatabaseWhileChangesCannotBeHeard() {
        cache.findByToken(TOKEN);
        cache.distrust();
        database.tokens.clear();

        assertThat(cache.findByToken(TOKEN)).isEmpty();
        database.tokens.put(TOKEN, account);
        cache.findByToken(TOKEN);
        cache.findByToken(TOKEN);
        assertThat(database.queries).isEqualTo(4);
    }

    /** Stands in for PostgreSQL, counting the queries it answers. */
    private static final class CountingDirectory implements AccountDirectory {

        final Map<String, Account> tokens = new HashMap<>();
        final Map<String, Webhook> webhooks = new HashMap<>();
        int queries;

        @Override
        public Optional<Account> findByToken(String token) {
            queries++;
            return Optional.ofNullable(tokens.get(token.toLowerCase()));
        }

        @Override
        public Optional<Account> findById(UUID accountId) {
            queries++;
            return tokens.values().stream()
                    .filter(found -> found.id().equals(accountId))
                    .findFirst();
        }

        @Override
        public Optional<Webhook> findWebhook(UUID accountId, String code) {
            queries++;
            return Optional.ofNullable(webhooks.get(code));
        }
    }
}
