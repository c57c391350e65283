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

    /** Reads the message and locks it until the transaction ends, so its projection is not raced. */
    public Optional<MessageRecord> lock(String shortCode) {
        return jdbc.sql("select * from messages where short_code = :shortCode for update")
                .param("shortCode", shortCode)
                .query(MessageRepository::message)
                .optional();
    }

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
