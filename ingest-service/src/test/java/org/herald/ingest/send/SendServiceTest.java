package org.herald.ingest.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.herald.ingest.account.Account;
import org.herald.ingest.account.AccountDirectory;
import org.herald.ingest.account.Webhook;
import org.herald.ingest.api.PushplusException;
import org.herald.outbound.AddressPolicy;
import org.herald.outbound.UrlGuard;
import org.herald.transport.EventPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

class SendServiceTest {

    @Test
    void shouldAnswerBusyAndGiveBackTheLimitSlotsWhenTheBrokerDoesNotAcknowledge() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // A real producer against a port nobody listens on: the ack never comes.
        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + closedPort,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                300,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
        Account account = new Account(UUID.randomUUID(), "a", null, null, null, Instant.EPOCH);
        AccountDirectory accounts = new AccountDirectory() {
            @Override
            public Optional<Account> findByToken(String token) {
                return Optional.of(account);
            }

            @Override
            public Optional<Account> findById(UUID accountId) {
                return Optional.of(account);
            }

            @Override
            public Optional<Webhook> findWebhook(UUID accountId, String code) {
                return Optional.of(new Webhook(1, accountId, code, code, 7, "v1:x", Instant.EPOCH));
            }
        };
        Clock clock = Clock.systemUTC();
        MemoryCounters counters = new MemoryCounters();
        SendService service = new SendService(
                new SendValidator(accounts, 100, 20000, clock),
                new SendRules(new UrlGuard(AddressPolicy.strict()), 10, Duration.ofDays(365), clock),
                new SendLimits(counters, 3, Duration.ofHours(1), channel -> 5, clock),
                new EventPublisher(new KafkaTemplate<>(producers), "/herald/test", clock),
                Duration.ofMillis(500),
                clock);
        try {
            assertThatThrownBy(() -> service.send(
                            new SendParameters("t", null, "c", null, null, "webhook", "f", null, null, null)))
                    .isInstanceOfSatisfying(PushplusException.class, e -> {
                        assertThat(e.code()).isEqualTo(500);
                        assertThat(e.getMessage()).isEqualTo("系统繁忙，请稍后重试");
                    });
            // Not accepted, so it takes no slot of the same-content limit nor of the quota.
            assertThat(counters.total()).isZero();
        } finally {
            producers.destroy();
        }
    }
}
