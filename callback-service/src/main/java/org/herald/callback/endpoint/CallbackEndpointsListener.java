package org.herald.callback.endpoint;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.callback.CallbackEndpointChanged;
import org.herald.events.topic.Topics;
import org.herald.outbound.UrlGuard;
import org.herald.transport.EventReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps {@code callback_endpoints} in step with ingest's {@code herald.callback-endpoints}. */
@Component
class CallbackEndpointsListener {

    private static final Logger log = LoggerFactory.getLogger(CallbackEndpointsListener.class);

    private final EventReader reader;
    private final EndpointStore endpoints;

    CallbackEndpointsListener(EventReader reader, EndpointStore endpoints) {
        this.reader = reader;
        this.endpoints = endpoints;
    }

    @KafkaListener(
            topics = "#{T(org.herald.events.topic.Topics).CALLBACK_ENDPOINTS.name()}",
            groupId = "callback-service")
    void on(ConsumerRecord<String, byte[]> record) {
        CallbackEndpointChanged change =
                reader.read(Topics.CALLBACK_ENDPOINTS, record).data();
        endpoints.apply(change);
        log.info(
                "callback endpoint of account {} is now {} with {} signing secret(s)",
                change.accountId(),
                change.callbackUrl() == null ? "none" : UrlGuard.redact(change.callbackUrl()),
                change.sealedSigningSecrets().size());
    }
}
