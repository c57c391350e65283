package org.herald.testservers;

import java.util.Locale;
import java.util.UUID;
import org.herald.embedded.EmbeddedKafkaServer;
import org.herald.embedded.EmbeddedPostgresServer;
import org.herald.embedded.EmbeddedRedisServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real servers tests run against, one of each per test JVM, started on first use and stopped
 * when the JVM exits. With a Docker engine they are Testcontainers; without one, the embedded
 * servers. {@code HERALD_TEST_SERVERS=embedded|containers} forces the choice.
 *
 * <p>Every call to {@link #registerPostgres} creates a fresh database, so test classes do not see
 * each other's rows.
 */
public final class RealServers {

    private static final boolean CONTAINERS = chooseContainers();

    private static Kafka kafka;
    private static Postgres postgres;
    private static Redis redis;

    private RealServers() {}

    public static boolean usesContainers() {
        return CONTAINERS;
    }

    public static synchronized Kafka kafka() {
        if (kafka == null) {
            kafka = CONTAINERS ? containerKafka() : embeddedKafka();
        }
        return kafka;
    }

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = CONTAINERS ? containerPostgres() : embeddedPostgres();
        }
        return postgres;
    }

    public static synchronized Redis redis() {
        if (redis == null) {
            redis = CONTAINERS ? containerRedis() : embeddedRedis();
        }
        return redis;
    }

    public static void registerKafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> kafka().bootstrapServers());
    }

    /** Points the datasource at a new, empty database of its own. */
    public static void registerPostgres(DynamicPropertyRegistry registry) {
        String url = postgres().newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> postgres().username());
        registry.add("spring.datasource.password", () -> postgres().password());
    }

    public static void registerRedis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> redis().host());
        registry.add("spring.data.redis.port", () -> redis().port());
    }

    public record Kafka(String bootstrapServers) {}

    public record Redis(String host, int port) {}

    /** A PostgreSQL server on which tests create their own databases. */
    public interface Postgres {
        String username();

        String password();

        /** Creates an empty database and answers its JDBC URL. */
        String newDatabase();
    }

    private static boolean chooseContainers() {
        String forced = System.getenv("HERALD_TEST_SERVERS");
        if (forced != null && !forced.isBlank()) {
            return forced.trim().toLowerCase(Locale.ROOT).equals("containers");
        }
        boolean engineConfigured = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(
                        java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!engineConfigured) {
            // Asking Testcontainers would only log a page of failed strategies before saying no.
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Kafka embeddedKafka() {
        EmbeddedKafkaServer server = EmbeddedKafkaServer.start(3);
        stopOnExit(server::close);
        return new Kafka(server.bootstrapServers());
    }

    private static Kafka containerKafka() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
        container.start();
        stopOnExit(container::stop);
        return new Kafka(container.getBootstrapServers());
    }

    private static Postgres embeddedPostgres() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(0, null);
        stopOnExit(server::close);
        return new Postgres() {
            @Override
            public String username() {
                return EmbeddedPostgresServer.USER;
            }

            @Override
            public String password() {
                return "postgres";
            }

            @Override
            public String newDatabase() {
                String name = uniqueDatabaseName();
                server.createDatabase(name);
                return server.jdbcUrl(name);
            }
        };
    }

    private static Postgres containerPostgres() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        stopOnExit(container::stop);
        return new Postgres() {
            @Override
            public String username() {
                return container.getUsername();
            }

            @Override
            public String password() {
                return container.getPassword();
            }

            @Override
            public String newDatabase() {
                String name = uniqueDatabaseName();
                try {
                    container.execInContainer("psql", "-U", container.getUsername(), "-c", "create database " + name);
                } catch (Exception e) {
                    throw new IllegalStateException("could not create database " + name, e);
                }
                return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + name;
            }
        };
    }

    private static Redis embeddedRedis() {
        EmbeddedRedisServer server = EmbeddedRedisServer.start(0);
        stopOnExit(server::close);
        return new Redis("127.0.0.1", server.port());
    }

    private static Redis containerRedis() {
        GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        container.start();
        stopOnExit(container::stop);
        return new Redis(container.getHost(), container.getMappedPort(6379));
    }

    private static String uniqueDatabaseName() {
        return "test_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static void stopOnExit(Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "stop-test-server"));
    }
}
