package org.herald.ingest.messagetoken;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.herald.ingest.account.Credentials;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Message tokens in PostgreSQL. Looking a send token up is not done here: it goes through
 * {@code AccountDirectory.findByToken}, which checks user and message tokens in one query.
 */
@Repository
class MessageTokenRepository {

    private final JdbcClient jdbc;

    MessageTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    MessageToken insert(UUID accountId, String name, String token, Instant expiresAt, Instant createdAt) {
        return jdbc.sql(
                        """
                        insert into message_tokens (account_id, name, token_hash, token_hint, expires_at, created_at)
                        values (:accountId, :name, :hash, :hint, :expiresAt, :createdAt)
                        returning *
                        """)
                .param("accountId", accountId)
                .param("name", name)
                .param("hash", Credentials.hash(token))
                .param("hint", token.substring(0, MessageTokenService.HINT_LENGTH))
                .param("expiresAt", utc(expiresAt))
                .param("createdAt", utc(createdAt))
                .query(MessageTokenRepository::token)
                .single();
    }

    Optional<MessageToken> find(UUID accountId, long id) {
        return jdbc.sql("select * from message_tokens where account_id = :accountId and id = :id")
                .param("accountId", accountId)
                .param("id", id)
                .query(MessageTokenRepository::token)
                .optional();
    }

    List<MessageToken> list(UUID accountId, int offset, int limit) {
        return jdbc.sql(
                        "select * from message_tokens where account_id = :accountId order by id limit :limit offset :offset")
                .param("accountId", accountId)
                .param("limit", limit)
                .param("offset", offset)
                .query(MessageTokenRepository::token)
                .list();
    }

    List<MessageToken> all(UUID accountId) {
        return list(accountId, 0, Integer.MAX_VALUE);
    }

    long count(UUID accountId) {
        return jdbc.sql("select count(*) from message_tokens where account_id = :accountId")
                .param("accountId", accountId)
                .query(Long.class)
                .single();
    }

    boolean update(UUID accountId, long id, String name, Instant expiresAt) {
        return jdbc.sql(
                                """
                        update message_tokens set name = :name, expires_at = :expiresAt
                        where account_id = :accountId and id = :id
                        """)
                        .param("accountId", accountId)
                        .param("id", id)
                        .param("name", name)
                        .param("expiresAt", utc(expiresAt))
                        .update()
                == 1;
    }

    boolean delete(UUID accountId, long id) {
        return jdbc.sql("delete from message_tokens where account_id = :accountId and id = :id")
                        .param("accountId", accountId)
                        .param("id", id)
                        .update()
                == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static MessageToken token(ResultSet rs, int row) throws SQLException {
        return new MessageToken(
                rs.getLong("id"),
                rs.getObject("account_id", UUID.class),
                rs.getString("name"),
                rs.getString("token_hint"),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
