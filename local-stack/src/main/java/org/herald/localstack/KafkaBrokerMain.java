package org.herald.localstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.herald.embedded.EmbeddedKafkaServer;

/**
 * The broker as a process of its own ({@link LocalStackSettings#kafkaInOwnProcess()}): arguments are
 * the client port, the controller port, the default partition count and the log directory. An
 * existing log directory is reused, so a broker killed with {@code kill -9} comes back with its data.
 */
public final class KafkaBrokerMain {

    static final String READY_LINE = "kafka broker ready";

    private KafkaBrokerMain() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.startOnPorts(
                Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }));
        System.out.println(READY_LINE + " on " + kafka.bootstrapServers());
        stopped.await();
    }
}
