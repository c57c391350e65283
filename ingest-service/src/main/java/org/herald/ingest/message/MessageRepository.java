package org.herald.ingest.message;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.herald.events.delivery.DeliveryState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/** The message read model in PostgreSQL: messages and their deliveries. */
@Repository
public class MessageRepository {

    private final JdbcClient jdbc;

    public MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the messages a redelivered event has not inserted already, in one statement. */
    public void insertMessagesAbsent(Collection<MessageRecord> messages) {
        if (messages.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        insert into messages (short_code, account_id, channel, template, title, content, callback_url,
                                              status, error_message, created_at, updated_at, completion_published)
                        select m.short_code, m.account_id, m.channel, m.template, m.title, m.content, m.callback_url,
                               m.status, m.error_message, m.created_at, m.updated_at, false
                        from unnest(:shortCodes::varchar[], :accountIds::uuid[], :channels::varchar[],
                                    :templates::varchar[], :titles::text[], :contents::text[], :callbackUrls::varchar[],
                                    :statuses::smallint[], :errorMessages::text[], :createdAts::timestamptz[],
                                    :updatedAts::timestamptz[])
                             as m(short_code, account_id, channel, template, title, content, callback_url, status,
                                  error_message, created_at, updated_at)
                        on conflict (short_code) do nothing
                        """)
                .param(
                        "shortCodes",
                        varchars(messages.stream().map(MessageRecord::shortCode).toList()))
                .param(
                        "accountIds",
                        texts(messages.stream()
                                .map(message -> message.accountId().toString())
                                .toList()))
                .param(
                        "channels",
                        varchars(messages.stream().map(MessageRecord::channel).toList()))
                .param(
                        "templates",
                        varchars(messages.stream().map(MessageRecord::template).toList()))
                .param(
                        "titles",
                        texts(messages.stream().map(MessageRecord::title).toList()))
                .param(
                        "contents",
                        texts(messages.stream().map(MessageRecord::content).toList()))
                .param(
                        "callbackUrls",
                        varchars(messages.stream()
                                .map(MessageRecord::callbackUrl)
                                .toList()))
                .param(
                        "statuses",
                        new SqlArrayValue(
                                "int4",
                                messages.stream().map(MessageRecord::status).toArray()))
                .param(
                        "errorMessages",
                        texts(messages.stream().map(MessageRecord::errorMessage).toList()))
                .param(
                        "createdAts",
                        instants(messages.stream().map(MessageRecord::createdAt).toList()))
                .param(
                        "updatedAts",
                        instants(messages.stream().map(MessageRecord::updatedAt).toList()))
                .update();
    }

    /**
     * Inserts the deliveries a redelivered event has not inserted already, in one statement.
     *
     * @return every given delivery as stored now: the one given, or the one recorded before
     */
    public Map<String, DeliveryRecord> insertDeliveriesAbsent(Collection<DeliveryRecord> deliveries) {
        if (deliveries.isEmpty()) {
            return Map.of();
        }
        deliveryColumns(
                        jdbc.sql(
                                """
                        insert into deliveries (delivery_id, short_code, channel, recipient, state, attempt, reason,
                                                updated_at)
                        select d.delivery_id, d.short_code, d.channel, d.recipient, d.state, d.attempt, d.reason,
                               d.updated_at
                        from unnest(:deliveryIds::varchar[], :shortCodes::varchar[], :channels::varchar[],
                                    :recipients::varchar[], :states::varchar[], :attempts::int[], :reasons::text[],
                                    :updatedAts::timestamptz[])
                             as d(delivery_id, short_code, channel, recipient, state, attempt, reason, updated_at)
                        on conflict (delivery_id) do nothing
                        """),
                        deliveries)
                .param(
                        "shortCodes",
                        varchars(deliveries.stream()
                                .map(DeliveryRecord::shortCode)
                                .toList()))
                .param(
                        "channels",
                        varchars(
                                deliveries.stream().map(DeliveryRecord::channel).toList()))
                .param(
                        "recipients",
                        varchars(deliveries.stream()
                                .map(DeliveryRecord::recipient)
                                .toList()))
                .update();
        return deliveriesById(
                deliveries.stream().map(DeliveryRecord::deliveryId).toList());
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
    public Map<String, Long> countByChannel(UUID accountId, Instant since) {
        Map<String, Long> counts = new HashMap<>();
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

    /** @param open deliveries not final yet; @param started deliveries past QUEUED */
    public record DeliveryCounts(long open, long started) {}

    public List<DeliveryRecord> deliveries(String shortCode) {
        return jdbc.sql("select * from deliveries where short_code = :shortCode order by delivery_id")
                .param("shortCode", shortCode)
                .query(MessageRepository::delivery)
                .list();
    }

    /**
     * Reads the messages and locks them until the transaction ends, in one statement for a poll of
     * status events. Locked in the order of their short codes, so two pollers never wait on each other
     * in a circle.
     */
    public Map<String, MessageRecord> lockAll(Collection<String> shortCodes) {
        Map<String, MessageRecord> locked = new LinkedHashMap<>();
        jdbc.sql("select * from messages where short_code = any(:shortCodes) order by short_code for update")
                .param("shortCodes", varchars(shortCodes))
                .query(MessageRepository::message)
                .list()
                .forEach(message -> locked.put(message.shortCode(), message));
        return locked;
    }

    public Map<String, DeliveryRecord> deliveriesById(Collection<String> deliveryIds) {
        Map<String, DeliveryRecord> found = new HashMap<>();
        jdbc.sql("select * from deliveries where delivery_id = any(:deliveryIds)")
                .param("deliveryIds", varchars(deliveryIds))
                .query(MessageRepository::delivery)
                .list()
                .forEach(delivery -> found.put(delivery.deliveryId(), delivery));
        return found;
    }

    /**
     * How far each message's deliveries are, counted in the database: a status event of a topic
     * message must not read every recipient's row to learn that some are still under way. A message
     * without deliveries counts zero.
     */
    public Map<String, DeliveryCounts> countsOf(Collection<String> shortCodes) {
        Map<String, DeliveryCounts> counts = new HashMap<>();
        shortCodes.forEach(shortCode -> counts.put(shortCode, new DeliveryCounts(0, 0)));
        jdbc.sql(
                        """
                        select short_code,
                               count(*) filter (where state in ('QUEUED', 'SENDING', 'RETRYING')) as open,
                               count(*) filter (where state <> 'QUEUED') as started
                        from deliveries where short_code = any(:shortCodes) group by short_code
                        """)
                .param("shortCodes", varchars(shortCodes))
                .query((rs, row) -> counts.put(
                        rs.getString("short_code"), new DeliveryCounts(rs.getLong("open"), rs.getLong("started"))))
                .list();
        return counts;
    }

    /** The deliveries of several messages at once, each message's in delivery id order. */
    public Map<String, List<DeliveryRecord>> deliveriesOf(Collection<String> shortCodes) {
        Map<String, List<DeliveryRecord>> byMessage = new HashMap<>();
        if (shortCodes.isEmpty()) {
            return byMessage;
        }
        jdbc.sql("select * from deliveries where short_code = any(:shortCodes) order by short_code, delivery_id")
                .param("shortCodes", varchars(shortCodes))
                .query(MessageRepository::delivery)
                .list()
                .forEach(delivery -> byMessage
                        .computeIfAbsent(delivery.shortCode(), code -> new ArrayList<>())
                        .add(delivery));
        return byMessage;
    }

    /** Writes the state, attempt, reason and time of several deliveries in one statement. */
    public void updateAll(Collection<DeliveryRecord> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        deliveryColumns(
                        jdbc.sql(
                                """
                        update deliveries d set state = v.state, attempt = v.attempt, reason = v.reason,
                                                updated_at = v.updated_at
                        from unnest(:deliveryIds::varchar[], :states::varchar[], :attempts::int[], :reasons::text[],
                                    :updatedAts::timestamptz[]) as v(delivery_id, state, attempt, reason, updated_at)
                        where d.delivery_id = v.delivery_id
                        """),
                        deliveries)
                .update();
    }

    /** A new status of one message. */
    public record StatusUpdate(String shortCode, int status, String errorMessage, Instant updatedAt) {}

    /** Writes the status of several messages in one statement. */
    public void updateStatuses(Collection<StatusUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        update messages m set status = v.status, error_message = v.error_message,
                                              updated_at = v.updated_at
                        from unnest(:shortCodes::varchar[], :statuses::int[], :errorMessages::text[],
                                    :updatedAts::timestamptz[]) as v(short_code, status, error_message, updated_at)
                        where m.short_code = v.short_code
                        """)
                .param(
                        "shortCodes",
                        varchars(updates.stream().map(StatusUpdate::shortCode).toList()))
                .param(
                        "statuses",
                        new SqlArrayValue(
                                "int4",
                                updates.stream().map(StatusUpdate::status).toArray()))
                .param(
                        "errorMessages",
                        texts(updates.stream().map(StatusUpdate::errorMessage).toList()))
                .param(
                        "updatedAts",
                        instants(updates.stream().map(StatusUpdate::updatedAt).toList()))
                .update();
    }

    /** Records that the messages' completions were announced, in one statement. */
    public void markCompletionsPublished(Collection<String> shortCodes) {
        if (shortCodes.isEmpty()) {
            return;
        }
        jdbc.sql("update messages set completion_published = true where short_code = any(:shortCodes)")
                .param("shortCodes", varchars(shortCodes))
                .update();
    }

    /** The columns every statement writing deliveries binds: ids, states, attempts, reasons, times. */
    private static JdbcClient.StatementSpec deliveryColumns(
            JdbcClient.StatementSpec statement, Collection<DeliveryRecord> deliveries) {
        return statement
                .param(
                        "deliveryIds",
                        varchars(deliveries.stream()
                                .map(DeliveryRecord::deliveryId)
                                .toList()))
                .param(
                        "states",
                        varchars(deliveries.stream().map(d -> d.state().name()).toList()))
                .param(
                        "attempts",
                        new SqlArrayValue(
                                "int4",
                                deliveries.stream().map(DeliveryRecord::attempt).toArray()))
                .param(
                        "reasons",
                        texts(deliveries.stream().map(DeliveryRecord::reason).toList()))
                .param(
                        "updatedAts",
                        instants(deliveries.stream()
                                .map(DeliveryRecord::updatedAt)
                                .toList()));
    }

    private static SqlArrayValue varchars(Collection<String> values) {
        return new SqlArrayValue("varchar", values.toArray());
    }

    private static SqlArrayValue texts(Collection<String> values) {
        return new SqlArrayValue("text", values.toArray());
    }

    /** As ISO-8601 text, which PostgreSQL casts to timestamptz; the driver has no array of instants. */
    private static SqlArrayValue instants(Collection<Instant> values) {
        return new SqlArrayValue("text", values.stream().map(Instant::toString).toArray());
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
