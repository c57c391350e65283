package org.herald.ingest.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Accounts and their webhook configurations in PostgreSQL. */
@Repository
public class AccountRepository implements AccountDirectory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** pushplus tokens are lowercase hex; an imported token typed in capitals is the same token. */
    static String tokenHash(String token) {
        return Credentials.hash(token.trim().toLowerCase(Locale.ROOT));
    }

    /** The user token, or else an unexpired message token of the account: one query, two unique indexes. */
    @Override
    public Optional<Account> findByToken(String token) {
        return jdbc.sql(
                        """
                        select a.* from accounts a where a.token_hash = :hash
                        union all
                        select a.* from message_tokens t join accounts a on a.id = t.account_id
                        where t.token_hash = :hash and t.expires_at > now()
                        limit 1
                        """)
                .param("hash", tokenHash(token))
                .query(AccountRepository::account)
                .optional();
    }

    @Override
    public Optional<Account> findById(UUID accountId) {
        return jdbc.sql("select * from accounts where id = :id")
                .param("id", accountId)
                .query(AccountRepository::account)
                .optional();
    }

    /** The account and its secret-key hash, for the open API's key exchange. */
    public Optional<AccountSecret> findSecretByToken(String token) {
        return jdbc.sql("select * from accounts where token_hash = :hash")
                .param("hash", tokenHash(token))
                .query((rs, row) -> new AccountSecret(account(rs, row), rs.getString("secret_key_hash")))
                .optional();
    }

    /** @return false when the token is already taken */
    public boolean insert(Account account, String token, String secretKey) {
        return jdbc.sql(
                                """
                        insert into accounts (id, name, token_hash, secret_key_hash, default_channel, default_option,
                                              callback_url, created_at)
                        values (:id, :name, :tokenHash, :secretKeyHash, :defaultChannel, :defaultOption,
                                :callbackUrl, :createdAt)
                        on conflict (token_hash) do nothing
                        """)
                        .param("id", account.id())
                        .param("name", account.name())
                        .param("tokenHash", tokenHash(token))
                        .param("secretKeyHash", Credentials.hash(secretKey))
                        .param("defaultChannel", account.defaultChannel())
                        .param("defaultOption", account.defaultOption())
                        .param("callbackUrl", account.callbackUrl())
                        .param("createdAt", utc(account.createdAt()))
                        .update()
                == 1;
    }

    @Override
    public Optional<Webhook> findWebhook(UUID accountId, String code) {
        return jdbc.sql("select * from webhooks where account_id = :accountId and code = :code")
                .param("accountId", accountId)
                .param("code", code)
                .query(AccountRepository::webhook)
                .optional();
    }

    /** @return the stored webhook, or empty when the account already has one with that code */
    public Optional<Webhook> insertWebhook(
            UUID accountId,
            String code,
            String name,
            int type,
            String sealedUrl,
            String sealedSecret,
            Map<String, String> attributes,
            Instant createdAt) {
        return jdbc.sql(
                        """
                        insert into webhooks (account_id, code, name, type, url, secret, attributes, created_at)
                        values (:accountId, :code, :name, :type, :url, :secret, :attributes, :createdAt)
                        on conflict (account_id, code) do nothing
                        returning *
                        """)
                .param("accountId", accountId)
                .param("code", code)
                .param("name", name)
                .param("type", type)
                .param("url", sealedUrl)
                .param("secret", sealedSecret)
                .param("attributes", JSON.writeValueAsString(attributes))
                .param("createdAt", utc(createdAt))
                .query(AccountRepository::webhook)
                .optional();
    }

    /** An account's webhook configurations, in the order they were added. */
    public List<Webhook> listWebhooks(UUID accountId) {
        return jdbc.sql("select * from webhooks where account_id = :accountId order by id")
                .param("accountId", accountId)
                .query(AccountRepository::webhook)
                .list();
    }

    public boolean deleteWebhook(UUID accountId, String code) {
        return jdbc.sql("delete from webhooks where account_id = :accountId and code = :code")
                        .param("accountId", accountId)
                        .param("code", code)
                        .update()
                == 1;
    }

    public Optional<Webhook> findWebhookById(UUID accountId, long id) {
        return jdbc.sql("select * from webhooks where account_id = :accountId and id = :id")
                .param("accountId", accountId)
                .param("id", id)
                .query(AccountRepository::webhook)
                .optional();
    }

    /**
     * Replaces a webhook's settings.
     *
     * @return false when the webhook is not the account's
     * @throws org.springframework.dao.DuplicateKeyException when the new code is another webhook's
     */
    public boolean updateWebhook(
            UUID accountId,
            long id,
            String code,
            String name,
            int type,
            String sealedUrl,
            String sealedSecret,
            Map<String, String> attributes) {
        return jdbc.sql(
                                """
                        update webhooks set code = :code, name = :name, type = :type, url = :url, secret = :secret,
                                            attributes = :attributes
                        where account_id = :accountId and id = :id
                        """)
                        .param("accountId", accountId)
                        .param("id", id)
                        .param("code", code)
                        .param("name", name)
                        .param("type", type)
                        .param("url", sealedUrl)
                        .param("secret", sealedSecret)
                        .param("attributes", JSON.writeValueAsString(attributes))
                        .update()
                == 1;
    }

    /** Sets the channel and channel config used when a request names none. */
    public boolean updateDefaults(UUID accountId, String defaultChannel, String defaultOption) {
        return jdbc.sql("update accounts set default_channel = :channel, default_option = :option where id = :id")
                        .param("id", accountId)
                        .param("channel", defaultChannel)
                        .param("option", defaultOption)
                        .update()
                == 1;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("default_channel"),
                rs.getString("default_option"),
                rs.getString("callback_url"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        return new Webhook(
                rs.getLong("id"),
                rs.getObject("account_id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                rs.getInt("type"),
                rs.getString("url"),
                rs.getString("secret"),
                attributes(rs.getString("attributes")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /** An account with the hash of its secret key. */
    public record AccountSecret(Account account, String secretKeyHash) {}

    private static Map<String, String> attributes(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    }
}
