package org.herald.transport;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Turns on Micrometer observation of Herald's Kafka template and listener containers, so the trace of
 * an HTTP call continues into the record headers ({@code traceparent}) and from there into every
 * consumer's logs. Spring Boot leaves both off unless each service sets
 * {@code spring.kafka.template.observation-enabled} and {@code spring.kafka.listener.observation-enabled};
 * doing it here keeps every service alike. Without a tracer on the classpath the observations are
 * no-ops.
 */
final class KafkaObservation implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        // Before the template's afterSingletonsInstantiated, which looks up the ObservationRegistry only
        // when observation is enabled.
        if (bean instanceof KafkaTemplate<?, ?> template) {
            template.setObservationEnabled(true);
        } else if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
            factory.getContainerProperties().setObservationEnabled(true);
        }
        return bean;
    }
}
