package org.herald.ingest.dispatch;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.herald.events.delivery.DeliveryState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The deliveries of a fan-out, written in few statements: one insert per chunk of rows (arrays
 * unnested by PostgreSQL), each row only when absent, so a redelivered message adds nothing twice.
 */
@Repository
class DeliveryBatch {

    /** Rows per statement: large enough for few round trips, small enough for modest arrays. */
    static final int CHUNK = 5000;

    private static final String INSERT =
            """
            insert into deliveries (delivery_id, short_code, channel, recipient, state, attempt, reason, updated_at)
            select d.delivery_id, ?, ?, d.recipient, d.state, 0, d.reason, ?
            from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[]) as d(delivery_id, recipient, state, reason)
            on conflict (delivery_id) do nothing
            """;

    private final JdbcTemplate jdbc;

    DeliveryBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many rows were new */
    int insertAbsent(String shortCode, String channel, List<Row> rows, Instant now) {
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            inserted += jdbc.update(connection -> {
                PreparedStatement statement = connection.prepareStatement(INSERT);
                statement.setString(1, shortCode);
                statement.setString(2, channel);
                statement.setObject(3, now.atOffset(ZoneOffset.UTC));
                statement.setArray(
                        4,
                        connection.createArrayOf(
                                "varchar", chunk.stream().map(Row::deliveryId).toArray()));
                statement.setArray(
                        5,
                        connection.createArrayOf(
                                "varchar", chunk.stream().map(Row::recipient).toArray()));
                statement.setArray(
                        6,
                        connection.createArrayOf(
                                "varchar",
                                chunk.stream().map(row -> row.state().name()).toArray()));
                statement.setArray(
                        7,
                        connection.createArrayOf(
                                "text", chunk.stream().map(Row::reason).toArray()));
                return statement;
            });
        }
        return inserted;
    }

    /** The state of every delivery of the message as stored now. */
    Map<String, DeliveryState> states(String shortCode) {
        Map<String, DeliveryState> states = new HashMap<>();
        jdbc.query(
                "select delivery_id, state from deliveries where short_code = ?",
                rs -> {
                    states.put(rs.getString(1), DeliveryState.valueOf(rs.getString(2)));
                },
                shortCode);
        return states;
    }

    /**
     * @param recipient {@code kind:id}
     * @param reason why it failed at once, or null
     */
    record Row(String deliveryId, String recipient, DeliveryState state, String reason) {}
}
