package org.herald.channel.webhook.pause;

import java.util.Collection;
import org.apache.kafka.common.TopicPartition;
import org.herald.channel.webhook.delivery.DeliveryLanes;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/deliveries}: an operator pauses this instance's deliveries and resumes them, for
 * instance while a provider has an outage or to let a backlog build up for a measurement. Paused
 * consumers keep their partitions and stop fetching (requests in hand are finished first), so nothing
 * is rebalanced and the requests wait on their topics; nothing is lost and nothing is reported. The
 * state lives in this process only: a restarted instance delivers again.
 */
@Component
@Endpoint(id = "deliveries")
public class DeliveriesEndpoint {

    /**
     * @param pauseRequested every consumer of this instance was told to pause
     * @param paused every consumer has stopped fetching and the deliveries they handed in are finished
     * @param listeners the listeners paused and resumed together: the delivery topic's, its retry
     *     and dead-letter topics' and the delay topic's, each with all its consumers
     */
    public record DeliveriesState(boolean pauseRequested, boolean paused, int listeners) {}

    private final KafkaListenerEndpointRegistry registry;
    private final DeliveryLanes lanes;

    DeliveriesEndpoint(KafkaListenerEndpointRegistry registry, DeliveryLanes lanes) {
        this.registry = registry;
        this.lanes = lanes;
    }

    @ReadOperation
    public DeliveriesState state() {
        Collection<? extends MessageListenerContainer> containers = listeners();
        return new DeliveriesState(
                !containers.isEmpty() && containers.stream().allMatch(MessageListenerContainer::isPauseRequested),
                // A consumer waiting for its poll's deliveries counts as paused already; they are not.
                !containers.isEmpty()
                        && containers.stream().allMatch(DeliveriesEndpoint::stoppedFetching)
                        && lanes.idle(),
                containers.size());
    }

    /** {@code {"paused": true}} pauses, {@code {"paused": false}} resumes. */
    @WriteOperation
    public DeliveriesState change(boolean paused) {
        for (MessageListenerContainer container : listeners()) {
            if (paused) {
                container.pause();
            } else {
                container.resume();
            }
        }
        return state();
    }

    private Collection<? extends MessageListenerContainer> listeners() {
        return registry.getListenerContainers();
    }

    /**
     * A consumer without partitions (more consumers than partitions, or a second instance took them)
     * never reports itself paused, though it fetches nothing; it pauses what it is assigned later.
     */
    private static boolean stoppedFetching(MessageListenerContainer container) {
        if (container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent) {
            return concurrent.getContainers().stream().allMatch(DeliveriesEndpoint::stoppedFetching);
        }
        Collection<TopicPartition> assigned = container.getAssignedPartitions();
        return container.isContainerPaused()
                || (container.isPauseRequested() && (assigned == null || assigned.isEmpty()));
    }
}
