package org.herald.ingest.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.herald.events.delivery.DeliveryState;
import org.herald.events.delivery.DeliveryStatusChanged;
import org.herald.events.message.MessageCompleted;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.ingest.account.Account;
import org.herald.ingest.account.AccountDirectory;
import org.herald.ingest.message.DeliveryRecord;
import org.herald.ingest.message.MessageRecord;
import org.herald.ingest.message.MessageRepository;
import org.herald.transport.EventPublisher;
import org.herald.transport.PollRecords.KeyScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Keeps the read model in step with {@code herald.delivery-status} and announces a message once
 * all its deliveries are final. The completion flag is set only after the broker acknowledged
 * MessageCompleted, so a crash in between publishes it again on redelivery (consumers de-duplicate
 * by its event id, the messageId) and a completed message is never left unannounced.
 */
public final class Projector {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final MessageRepository messages;
    private final AccountDirectory accounts;
    private final EventPublisher publisher;
    private final TransactionOperations transactions;
    private final Duration publishTimeout;
    private final Clock clock;

    public Projector(
            MessageRepository messages,
            AccountDirectory accounts,
            EventPublisher publisher,
            TransactionOperations transactions,
            Duration publishTimeout,
            Clock clock) {
        this.messages = messages;
        this.accounts = accounts;
        this.publisher = publisher;
        this.transactions = transactions;
        this.publishTimeout = publishTimeout;
        this.clock = clock;
    }

    /** {@link #applyAll(List, KeyScope)} outside a listener: nothing to trace per message. */
    public void applyAll(List<DeliveryStatusChanged> changes) {
        applyAll(changes, KeyScope.NONE);
    }

    /**
     * Applies a poll's status events in their order, with a few statements for the whole poll: one
     * transaction locks every message they touch, reads their deliveries, writes those that moved, and
     * counts each message's state once. Under load a poll carries hundreds of events, often a delivery's
     * "sending" and "delivered" together; applied message by message they cost seven statements each.
     * The read model ends where applying them one by one would have left it, except that a message's
     * updateTime is that of its last event here. Then the messages that became complete are announced,
     * each inside the trace of its last event ({@code scope}).
     */
    public void applyAll(List<DeliveryStatusChanged> changes, KeyScope scope) {
        Map<String, List<DeliveryStatusChanged>> byMessage = new LinkedHashMap<>();
        for (DeliveryStatusChanged change : changes) {
            // The dispatcher writes every delivery as QUEUED before it publishes this, and QUEUED never
            // moves a delivery forward: skipping it spares a topic fan-out reading its deliveries.
            if (change.state() != DeliveryState.QUEUED) {
                byMessage
                        .computeIfAbsent(change.messageId(), id -> new ArrayList<>())
                        .add(change);
            }
        }
        if (byMessage.isEmpty()) {
            return;
        }
        List<MessageCompleted> completions = transactions.execute(status -> project(byMessage, scope));
        announce(completions, scope);
    }

    private List<MessageCompleted> project(Map<String, List<DeliveryStatusChanged>> byMessage, KeyScope scope) {
        Map<String, MessageRecord> locked = messages.lockAll(byMessage.keySet());
        Map<String, DeliveryRecord> current = messages.deliveriesById(byMessage.values().stream()
                .flatMap(List::stream)
                .map(DeliveryStatusChanged::deliveryId)
                .collect(Collectors.toSet()));
        // Each delivery read once and written once, however many of its events came together.
        Map<String, DeliveryRecord> advanced = new LinkedHashMap<>();
        byMessage.forEach((messageId, changes) -> {
            MessageRecord message = locked.get(messageId);
            if (message == null) {
                // Not dispatched by this ingest (or its database was reset): nothing to project onto.
                scope.within(
                        messageId,
                        () -> log.warn("{} status event(s) for unknown message {} ignored", changes.size(), messageId));
                return;
            }
            for (DeliveryStatusChanged change : changes) {
                DeliveryRecord before = current.get(change.deliveryId());
                if (before == null || !before.shortCode().equals(messageId)) {
                    scope.within(
                            messageId,
                            () -> log.warn(
                                    "status {} for unknown delivery {} ignored", change.state(), change.deliveryId()));
                    continue;
                }
                if (DeliveryProgress.isForward(before.state(), before.attempt(), change.state(), change.attempt())) {
                    DeliveryRecord after = before.advancedTo(
                            change.state(),
                            change.attempt(),
                            change.reason(),
                            change.occurredAt() == null ? clock.instant() : change.occurredAt());
                    current.put(change.deliveryId(), after);
                    advanced.put(change.deliveryId(), after);
                }
            }
        });
        messages.updateAll(advanced.values());
        // Until a message's last delivery is final only "sending or not" can change, and counting tells
        // that; the rows themselves are read only for the outcome (a topic message has one per recipient).
        Map<String, MessageRepository.DeliveryCounts> counts = messages.countsOf(locked.keySet());
        Map<String, List<DeliveryRecord>> finished = messages.deliveriesOf(counts.entrySet().stream()
                .filter(entry ->
                        entry.getValue().open() == 0 && entry.getValue().started() > 0)
                .map(Map.Entry::getKey)
                .toList());
        List<MessageRepository.StatusUpdate> updates = new ArrayList<>();
        List<MessageCompleted> completions = new ArrayList<>();
        locked.forEach((messageId, message) -> {
            MessageRepository.DeliveryCounts count = counts.get(messageId);
            DeliveryProgress.Outcome outcome = count.open() > 0
                    ? DeliveryProgress.pending(count.started() > 0)
                    : DeliveryProgress.outcome(finished.getOrDefault(messageId, List.of()));
            if (outcome.status() != message.status() || !outcome.errorMessage().equals(message.errorMessage())) {
                List<DeliveryStatusChanged> changes = byMessage.get(messageId);
                Instant lastEvent = changes.get(changes.size() - 1).occurredAt();
                Instant updatedAt = outcome.completedAt() != null
                        ? outcome.completedAt()
                        : lastEvent != null ? lastEvent : clock.instant();
                updates.add(new MessageRepository.StatusUpdate(
                        messageId, outcome.status(), outcome.errorMessage(), updatedAt));
            }
            if (outcome.isFinal() && !message.completionPublished()) {
                completions.add(new MessageCompleted(
                        message.shortCode(),
                        message.accountId(),
                        outcome.status(),
                        outcome.errorMessage(),
                        outcome.delivered(),
                        outcome.failed(),
                        callbackUrl(message),
                        outcome.completedAt()));
            }
        });
        messages.updateStatuses(updates);
        return completions;
    }

    /**
     * Publishes the completions side by side and marks them announced once the broker has them all;
     * a failure leaves every one unmarked, to be announced again when the poll is handled again.
     */
    private void announce(List<MessageCompleted> completions, KeyScope scope) {
        if (completions.isEmpty()) {
            return;
        }
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(completions.size());
        for (MessageCompleted completed : completions) {
            scope.within(
                    completed.messageId(),
                    () -> acks.add(publisher.publish(
                            Topics.MESSAGES_COMPLETED,
                            EventTypes.MESSAGE_COMPLETED,
                            completed.messageId(),
                            completed.messageId(),
                            completed)));
        }
        publisher.awaitAll(Topics.MESSAGES_COMPLETED, acks, publishTimeout);
        messages.markCompletionsPublished(
                completions.stream().map(MessageCompleted::messageId).toList());
        // Only once the broker has them: a completion that failed to go out is not reported as done.
        completions.forEach(completed -> scope.within(
                completed.messageId(),
                () -> log.info("message {} completed with status {}", completed.messageId(), completed.sendStatus())));
    }

    private String callbackUrl(MessageRecord message) {
        if (message.callbackUrl() != null) {
            return message.callbackUrl();
        }
        return accounts.findById(message.accountId()).map(Account::callbackUrl).orElse(null);
    }
}
