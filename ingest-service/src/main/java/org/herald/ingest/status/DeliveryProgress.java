package org.herald.ingest.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.herald.events.delivery.DeliveryState;
import org.herald.ingest.message.DeliveryRecord;
import org.herald.ingest.message.MessageRecord;

/**
 * The rules of the read model: which status changes a delivery accepts, and what its deliveries
 * make of a message. Status events arrive at least once and a redelivered old one must not undo
 * progress, so a delivery only ever moves forward.
 */
public final class DeliveryProgress {

    private DeliveryProgress() {}

    /**
     * Whether a delivery in {@code current} state may move to {@code next}. A final state is never
     * left. Otherwise a final state always wins, a later attempt beats an earlier one (a retry goes
     * RETRYING at attempt n, then SENDING at n+1), and within one attempt QUEUED, SENDING, RETRYING
     * follow each other in that order.
     */
    public static boolean isForward(DeliveryState current, int currentAttempt, DeliveryState next, int nextAttempt) {
        if (current.isFinal()) {
            return false;
        }
        if (next.isFinal()) {
            return true;
        }
        if (nextAttempt != currentAttempt) {
            return nextAttempt > currentAttempt;
        }
        return rank(next) > rank(current);
    }

    private static int rank(DeliveryState state) {
        return switch (state) {
            case QUEUED -> 0;
            case SENDING -> 1;
            case RETRYING -> 2;
            case DELIVERED, FAILED, EXPIRED -> 3;
        };
    }

    /** What the deliveries of one message add up to. */
    public static Outcome outcome(List<DeliveryRecord> deliveries) {
        if (deliveries.isEmpty()) {
            return new Outcome(MessageRecord.UNSENT, "", false, 0, 0, null);
        }
        boolean allFinal =
                deliveries.stream().allMatch(delivery -> delivery.state().isFinal());
        int delivered = (int) deliveries.stream()
                .filter(delivery -> delivery.state() == DeliveryState.DELIVERED)
                .count();
        if (!allFinal) {
            Outcome pending =
                    pending(deliveries.stream().anyMatch(delivery -> delivery.state() != DeliveryState.QUEUED));
            return new Outcome(pending.status(), "", false, delivered, 0, null);
        }
        int failed = deliveries.size() - delivered;
        Set<String> reasons = new LinkedHashSet<>();
        deliveries.stream()
                .filter(delivery -> delivery.state() != DeliveryState.DELIVERED)
                .map(DeliveryProgress::reason)
                .forEach(reasons::add);
        Instant completedAt = deliveries.stream()
                .map(DeliveryRecord::updatedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
        return new Outcome(
                delivered > 0 ? MessageRecord.SUCCEEDED : MessageRecord.FAILED,
                String.join("; ", reasons),
                true,
                delivered,
                failed,
                completedAt);
    }

    /** A message with deliveries still under way: sending once any has left QUEUED. */
    public static Outcome pending(boolean started) {
        return new Outcome(started ? MessageRecord.SENDING : MessageRecord.UNSENT, "", false, 0, 0, null);
    }

    private static String reason(DeliveryRecord delivery) {
        if (delivery.reason() != null && !delivery.reason().isBlank()) {
            return delivery.reason();
        }
        return delivery.state() == DeliveryState.EXPIRED ? "消息已过期" : "发送失败";
    }

    /**
     * @param status the pushplus status (0–3)
     * @param errorMessage the reasons of the deliveries that did not succeed, empty when all did
     * @param isFinal whether every delivery reached a final state
     * @param completedAt when the last delivery became final; null while not final
     */
    public record Outcome(
            int status, String errorMessage, boolean isFinal, int delivered, int failed, Instant completedAt) {}
}
