package org.herald.ingest.message;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.herald.events.delivery.DeliveryState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The message read model in PostgreSQL: messages and their deliveries. */
@Repository
public class MessageRepository {

    private final JdbcClient jdbc;

    public MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the message unless a redelivered event already did. */
    public void insertIfAbsent(MessageRecord message) {
        jdbc.sql(
                        """
                        insert into messages (short_code, account_id, channel, template, title, content, callback_url,
                                              status, error_message, created_at, updated_at, completion_published)
                        values (:shortCode, :accountId, :channel, :template, :title, :content, :callbackUrl,
                                :status, :errorMessage, :createdAt, :updatedAt, false)
                        on conflict (short_code) do nothing
                        """)
                .param("shortCode", message.shortCode())
                .param("accountId", message.accountId())
                .param("channel", message.channel())
                .param("template", message.template())
                .param("title", message.title())
                .param("content", message.content())
                .param("callbackUrl", message.callbackUrl())
                .param("status", message.status())
                .param("errorMessage", message.errorMessage())
                .param("createdAt", utc(message.createdAt()))
                .param("updatedAt", utc(message.updatedAt()))
                .update();
    }

    /**
     * Inserts the delivery unless a redelivered event already did.
     *
     * @return the delivery as stored: the given one, or the one recorded before
     */
    public DeliveryRecord insertIfAbsent(DeliveryRecord delivery) {
        int inserted = jdbc.sql(
                        """
                        insert into deliveries (delivery_id, short_code, channel, recipient, state, attempt, reason,
                                                updated_at)
                        values (:deliveryId, :shortCode, :channel, :recipient, :state, :attempt, :reason, :updatedAt)
                        on conflict (delivery_id) do nothing
                        """)
                .param("deliveryId", delivery.deliveryId())
                .param("shortCode", delivery.shortCode())
                .param("channel", delivery.channel())
                .param("recipient", delivery.recipient())
                .param("state", delivery.state().name())
                .param("attempt", delivery.attempt())
                .param("reason", delivery.reason())
                .param("updatedAt", utc(delivery.updatedAt()))
                .update();
        if (inserted == 1) {
            return delivery;
        }
        return jdbc.sql("select * from deliveries where delivery_id = :deliveryId")
                .param("deliveryId", delivery.deliveryId())
                .query(MessageRepository::delivery)
                .single();
    }

    public Optional<MessageRecord> find(String shortCode) {
        return jdbc.sql("select * from messages where short_code = :shortCode")
                .param("shortCode", shortCode)
                .query(MessageRepository::message)
                .optional();
    }

    /**
     * The message as readers see it (page, open API): absent when unknown, deleted or older than
     * {@code notBefore}, since the purge may not have reached an expired message yet.
     */
    public Optional<MessageRecord> findVisible(String shortCode, Instant notBefore) {
        return jdbc.sql("select * from messages where short_code = :shortCode and created_at >= :notBefore")
                .param("shortCode", shortCode)
                .param("notBefore", utc(notBefore))
                .query(MessageRepository::message)
                .optional();
    }

    /** One page of an account's readable messages, newest first. */
    public List<MessageRecord> page(UUID accountId, Instant notBefore, int offset, int limit) {
        return jdbc.sql(
                        """
                        select * from messages where account_id = :accountId and created_at >= :notBefore
                        order by created_at desc, short_code limit :limit offset :offset
                        """)
                .param("accountId", accountId)
                .param("notBefore", utc(notBefore))
                .param("limit", limit)
                .param("offset", offset)
                .query(MessageRepository::message)
                .list();
    }

    public long count(UUID accountId, Instant notBefore) {
        return jdbc.sql("select count(*) from messages where account_id = :accountId and created_at >= :notBefore")
                .param("accountId", accountId)
                .param("notBefore", utc(notBefore))
                .query(Long.class)
                .single();
    }

    /** How many messages the account sent per channel since the given instant. */
    public java.util.Map<String, Long> countByChannel(UUID accountId, Instant since) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql(
                        """
                        select channel, count(*) as sent from messages
                        where account_id = :accountId and created_at >= :since group by channel
                        """)
                .param("accountId", accountId)
                .param("since", utc(since))
                .query((rs, row) -> counts.put(rs.getString("channel"), rs.getLong("sent")))
                .list();
        return counts;
    }

    /** Deletes one of the account's messages; its deliveries go with it (foreign key cascade). */
    public boolean delete(UUID accountId, String shortCode) {
        return jdbc.sql("delete from messages where short_code = :shortCode and account_id = :accountId")
                        .param("shortCode", shortCode)
                        .param("accountId", accountId)
                        .update()
                == 1;
    }

    /**
     * Deletes at most {@code batch} messages created before {@code cutoff} (deliveries cascade).
     * Rows another purge holds are skipped, so concurrent instances do not wait on each other.
     *
     * @return how many were deleted; fewer than {@code batch} means none is left
     */
    public int deleteOlderThan(Instant cutoff, int batch) {
        return jdbc.sql(
                        """
                        delete from messages where short_code in (
                            select short_code from messages where created_at < :cutoff
                            limit :batch for update skip locked)
                        """)
                .param("cutoff", utc(cutoff))
                .param("batch", batch)
                .update();
    }

    /** Reads the message and locks it until the transaction ends, so its projection is not raced. */
    public Optional<MessageRecord> lock(String shortCode) {
        return jdbc.sql("select * from messages where short_code = :shortCode for update")
                .param("shortCode", shortCode)
                .query(MessageRepository::message)
                .optional();
    }

    public Optional<DeliveryRecord> delivery(String deliveryId) {
        return jdbc.sql("select * from deliveries where delivery_id = :deliveryId")
                .param("deliveryId", deliveryId)
                .query(MessageRepository::delivery)
                .optional();
    }

    /**
     * How far a message's deliveries are, counted in the database: a status event of a topic message
     * must not read every recipient's row to learn that some are still under way.
     */
    public DeliveryCounts counts(String shortCode) {
        return jdbc.sql(
                        """
                        select count(*) filter (where state in ('QUEUED', 'SENDING', 'RETRYING')) as open,
                               count(*) filter (where state <> 'QUEUED') as started
                        from deliveries where short_code = :shortCode
                        """)
                .param("shortCode", shortCode)
                .query((rs, row) -> new DeliveryCounts(rs.getLong("open"), rs.getLong("started")))
                .single();
    }

    /** @param open deliveries not final yet; @param started deliveries past QUEUED */
    public record DeliveryCounts(long open, long started) {}

    public List<DeliveryRecord> deliveries(String shortCode) {
        return jdbc.sql("select * from deliveries where short_code = :shortCode order by delivery_id")
                .param("shortCode", shortCode)
                .query(MessageRepository::delivery)
                .list();
    }

    public void update(DeliveryRecord delivery) {
        jdbc.sql(
                        """
                        update deliveries set state = :state, attempt = :attempt, reason = :reason,
                                              updated_at = :updatedAt
                        where delivery_id = :deliveryId
                        """)
                .param("deliveryId", delivery.deliveryId())
                .param("state", delivery.state().name())
                .param("attempt", delivery.attempt())
                .param("reason", delivery.reason())
                .param("updatedAt", utc(delivery.updatedAt()))
                .update();
    }

    public void updateStatus(String shortCode, int status, String errorMessage, Instant updatedAt) {
        jdbc.sql(
                        """
                        update messages set status = :status, error_message = :errorMessage, updated_at = :updatedAt
                        where short_code = :shortCode
                        """)
                .param("shortCode", shortCode)
                .param("status", status)
                .param("errorMessage", errorMessage)
                .param("updatedAt", utc(updatedAt))
                .update();
    }

    public void markCompletionPublished(String shortCode) {
        jdbc.sql("update messages set completion_published = true where short_code = :shortCode")
                .param("shortCode", shortCode)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static MessageRecord message(ResultSet rs, int row) throws SQLException {
        return new MessageRecord(
                rs.getString("short_code"),
                rs.getObject("account_id", UUID.class),
                rs.getString("channel"),
                rs.getString("template"),
                rs.getString("title"),
                rs.getString("content"),
                rs.getString("callback_url"),
                rs.getInt("status"),
                rs.getString("error_message"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("completion_published"));
    }

    private static DeliveryRecord delivery(ResultSet rs, int row) throws SQLException {
        return new DeliveryRecord(
                rs.getString("delivery_id"),
                rs.getString("short_code"),
                rs.getString("channel"),
                rs.getString("recipient"),
                DeliveryState.valueOf(rs.getString("state")),
                rs.getInt("attempt"),
                rs.getString("reason"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
