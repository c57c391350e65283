package org.herald.ingest.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * Applies status events in their order, a message's events together: its row is locked, its
     * deliveries written and its status counted once for all of them, in one transaction. Under load a
     * delivery's "sending" and "delivered" usually arrive in the same poll; applied one by one they
     * cost two transactions and twice the statements. The read model ends where applying them one by
     * one would have left it, except that a message's updateTime is that of its last event here.
     */
    public void applyAll(List<DeliveryStatusChanged> changes) {
        Map<String, List<DeliveryStatusChanged>> byMessage = new LinkedHashMap<>();
        for (DeliveryStatusChanged change : changes) {
            // The dispatcher writes every delivery as QUEUED before it publishes this, and QUEUED never
            // moves a delivery forward: skipping it spares a topic fan-out one read of all its
            // deliveries per recipient.
            if (change.state() != DeliveryState.QUEUED) {
                byMessage
                        .computeIfAbsent(change.messageId(), id -> new ArrayList<>())
                        .add(change);
            }
        }
        byMessage.forEach(this::applyToMessage);
    }

    private void applyToMessage(String messageId, List<DeliveryStatusChanged> changes) {
        Optional<MessageCompleted> completion = transactions.execute(status -> project(messageId, changes));
        if (completion == null || completion.isEmpty()) {
            return;
        }
        MessageCompleted completed = completion.get();
        publisher.publishAndWait(
                Topics.MESSAGES_COMPLETED,
                EventTypes.MESSAGE_COMPLETED,
                completed.messageId(),
                completed.messageId(),
                completed,
                publishTimeout);
        messages.markCompletionPublished(completed.messageId());
        log.info("message {} completed with status {}", completed.messageId(), completed.sendStatus());
    }

    private Optional<MessageCompleted> project(String messageId, List<DeliveryStatusChanged> changes) {
        Optional<MessageRecord> found = messages.lock(messageId);
        if (found.isEmpty()) {
            // Not dispatched by this ingest (or its database was reset): nothing to project onto.
            log.warn("{} status event(s) for unknown message {} ignored", changes.size(), messageId);
            return Optional.empty();
        }
        MessageRecord message = found.get();
        // Each delivery read once and written once, however many of its events came together.
        Map<String, Optional<DeliveryRecord>> current = new HashMap<>();
        Map<String, DeliveryRecord> advanced = new LinkedHashMap<>();
        for (DeliveryStatusChanged change : changes) {
            Optional<DeliveryRecord> delivery = current.computeIfAbsent(change.deliveryId(), id -> messages.delivery(id)
                    .filter(row -> row.shortCode().equals(message.shortCode())));
            if (delivery.isEmpty()) {
                log.warn("status {} for unknown delivery {} ignored", change.state(), change.deliveryId());
                continue;
            }
            DeliveryRecord before = delivery.get();
            if (DeliveryProgress.isForward(before.state(), before.attempt(), change.state(), change.attempt())) {
                DeliveryRecord after = before.advancedTo(
                        change.state(),
                        change.attempt(),
                        change.reason(),
                        change.occurredAt() == null ? clock.instant() : change.occurredAt());
                current.put(change.deliveryId(), Optional.of(after));
                advanced.put(change.deliveryId(), after);
            }
        }
        advanced.values().forEach(messages::update);
        // Until the last delivery is final only "sending or not" can change, and counting tells that;
        // the rows themselves are read once, for the outcome (a topic message has one per recipient).
        MessageRepository.DeliveryCounts counts = messages.counts(message.shortCode());
        DeliveryProgress.Outcome outcome = counts.open() > 0
                ? DeliveryProgress.pending(counts.started() > 0)
                : DeliveryProgress.outcome(messages.deliveries(message.shortCode()));
        if (outcome.status() != message.status() || !outcome.errorMessage().equals(message.errorMessage())) {
            Instant lastEvent = changes.get(changes.size() - 1).occurredAt();
            Instant updatedAt = outcome.completedAt() != null
                    ? outcome.completedAt()
                    : lastEvent != null ? lastEvent : clock.instant();
            messages.updateStatus(message.shortCode(), outcome.status(), outcome.errorMessage(), updatedAt);
        }
        if (!outcome.isFinal() || message.completionPublished()) {
            return Optional.empty();
        }
        return Optional.of(new MessageCompleted(
                message.shortCode(),
                message.accountId(),
                outcome.status(),
                outcome.errorMessage(),
                outcome.delivered(),
                outcome.failed(),
                callbackUrl(message),
                outcome.completedAt()));
    }

    private String callbackUrl(MessageRecord message) {
        if (message.callbackUrl() != null) {
            return message.callbackUrl();
        }
        return accounts.findById(message.accountId()).map(Account::callbackUrl).orElse(null);
    }
}
