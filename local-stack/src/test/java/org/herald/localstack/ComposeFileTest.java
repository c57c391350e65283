package org.herald.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps the production docker-compose.yml and the services' application.yml files in step: a compose
 * variable that no placeholder reads, a health check on the wrong port or a missing docker profile
 * would only show once the stack is deployed.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");

    /** The fixed ports and the environment variables each service may read (the shared conventions). */
    private static final Map<String, Integer> PORTS = Map.of(
            "api-gateway", 8080,
            "ingest-service", 8081,
            "channel-wechat", 8082,
            "channel-webhook", 8083,
            "channel-sms", 8084,
            "channel-mail", 8085,
            "callback-service", 8086);

    private static final Map<String, Set<String>> READABLE_ENV = Map.of(
            "api-gateway",
            Set.of(
                    "SERVER_PORT",
                    "INGEST_URL",
                    "CHANNEL_WECHAT_URL",
                    "CHANNEL_SMS_URL",
                    "CALLBACK_SERVICE_URL",
                    "SANDBOX_URL",
                    "REDIS_HOST",
                    "REDIS_PORT",
                    "HERALD_TRUSTED_PROXIES",
                    "HERALD_RATE_LIMIT_TOKEN_RATE",
                    "HERALD_RATE_LIMIT_TOKEN_BURST",
                    "HERALD_RATE_LIMIT_IP_RATE",
                    "HERALD_RATE_LIMIT_IP_BURST",
                    "HERALD_INVALID_TOKEN_THRESHOLD",
                    "HERALD_INVALID_TOKEN_WINDOW",
                    "HERALD_INVALID_TOKEN_BLOCK",
                    "HERALD_TRACING_SAMPLING_PROBABILITY"),
            "ingest-service",
            Set.of(
                    "SERVER_PORT",
                    "KAFKA_BOOTSTRAP_SERVERS",
                    "DB_URL",
                    "DB_USER",
                    "DB_PASSWORD",
                    "HERALD_SEALING_KEY",
                    "HERALD_ADMIN_KEY",
                    "HERALD_PUBLIC_BASE_URL",
                    "HERALD_KAFKA_PARTITIONS",
                    "HERALD_CALLBACK_SECRET_OVERLAP",
                    "HERALD_MESSAGE_RETENTION",
                    "REDIS_HOST",
                    "REDIS_PORT",
                    "HERALD_OUTBOUND_ALLOW_PRIVATE",
                    "HERALD_MAX_RECIPIENTS",
                    "HERALD_SAME_CONTENT_LIMIT",
                    "HERALD_SAME_CONTENT_WINDOW",
                    "HERALD_DAILY_QUOTA",
                    "HERALD_OPEN_CHANNELS"),
            "channel-wechat",
            Set.of("SERVER_PORT", "KAFKA_BOOTSTRAP_SERVERS", "REDIS_HOST", "REDIS_PORT", "HERALD_SEALING_KEY"),
            "channel-webhook",
            Set.of(
                    "SERVER_PORT",
                    "KAFKA_BOOTSTRAP_SERVERS",
                    "REDIS_HOST",
                    "REDIS_PORT",
                    "HERALD_SEALING_KEY",
                    "HERALD_OUTBOUND_ALLOW_PRIVATE",
                    "HERALD_KAFKA_PARTITIONS"),
            "channel-sms",
            Set.of("SERVER_PORT", "KAFKA_BOOTSTRAP_SERVERS", "REDIS_HOST", "REDIS_PORT", "HERALD_SEALING_KEY"),
            "channel-mail",
            Set.of("SERVER_PORT", "KAFKA_BOOTSTRAP_SERVERS", "HERALD_SEALING_KEY"),
            "callback-service",
            Set.of(
                    "SERVER_PORT",
                    "KAFKA_BOOTSTRAP_SERVERS",
                    "DB_URL",
                    "DB_USER",
                    "DB_PASSWORD",
                    "HERALD_OUTBOUND_ALLOW_PRIVATE",
                    "HERALD_KAFKA_PARTITIONS",
                    "HERALD_SEALING_KEY",
                    "HERALD_ADMIN_KEY",
                    "HERALD_CALLBACK_RETRY_SCHEDULE",
                    "HERALD_CALLBACK_DISABLE_AFTER"));

    /** Secrets have no default anywhere: compose must refuse to start without them. */
    private static final Set<String> REQUIRED_SECRETS = Set.of("HERALD_SEALING_KEY", "HERALD_ADMIN_KEY");

    private static final Pattern HEALTH_URL = Pattern.compile("http://localhost:(\\d+)/actuator/health");
    private static final Pattern SERVER_PORT_DEFAULT = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}");

    private static Map<String, Object> services;

    @BeforeAll
    static void readCompose() throws IOException {
        Map<String, Object> compose = yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = map(compose.get("services"), "services");
    }

    @Test
    void shouldRunEveryHeraldServiceAndNoSandbox() {
        assertThat(heraldServices()).containsOnlyKeys(PORTS.keySet());
        assertThat(services).doesNotContainKey("provider-sandbox");
    }

    @Test
    void shouldRunKafkaInKraftModeFromTheApacheImage() {
        Map<String, Object> kafka = map(services.get("kafka"), "kafka");
        assertThat(String.valueOf(kafka.get("image"))).startsWith("apache/kafka:");
        assertThat(String.valueOf(environment(kafka).get("KAFKA_PROCESS_ROLES")))
                .contains("controller")
                .contains("broker");
        assertThat(healthCommand(kafka)).contains("kafka-broker-api-versions.sh");
    }

    @Test
    void shouldCreateTheServiceDatabasesWhenPostgresStartsEmpty() throws IOException {
        Map<String, Object> postgres = map(services.get("postgres"), "postgres");
        String initScript = list(postgres.get("volumes"), "postgres volumes").stream()
                .map(String::valueOf)
                .filter(volume -> volume.contains("/docker-entrypoint-initdb.d/"))
                .map(volume -> volume.substring(0, volume.indexOf(':')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("postgres mounts no init script"));

        assertThat(Files.readString(ROOT.resolve(initScript)))
                .containsIgnoringCase("create database herald_ingest")
                .containsIgnoringCase("create database herald_callback");
        assertThat(healthCommand(postgres)).contains("pg_isready");
    }

    @Test
    void shouldPublishNoHostPortButTheGateway() {
        services.forEach((name, service) -> {
            if (!name.equals("api-gateway")) {
                assertThat(map(service, name)).as(name + " ports").doesNotContainKey("ports");
            }
        });
        assertThat(list(map(services.get("api-gateway"), "api-gateway").get("ports"), "api-gateway ports"))
                .singleElement()
                .asString()
                .endsWith(":8080");
    }

    @TestFactory
    Stream<DynamicNode> shouldMatchEachServiceToItsModule() {
        return heraldServices().entrySet().stream().map(entry -> serviceChecks(entry.getKey(), entry.getValue()));
    }

    private static DynamicContainer serviceChecks(String name, Map<String, Object> service) {
        List<DynamicTest> checks = new ArrayList<>();
        String module =
                String.valueOf(map(map(service.get("build"), name + " build").get("args"), name + " build args")
                        .get("MODULE"));
        Path moduleDir = ROOT.resolve(module);
        Path applicationYml = moduleDir.resolve("src/main/resources/application.yml");

        checks.add(DynamicTest.dynamicTest("build arg MODULE names an existing module", () -> {
            assertThat(module).isEqualTo(name);
            assertThat(moduleDir.resolve("pom.xml")).isRegularFile();
        }));
        checks.add(DynamicTest.dynamicTest("health check calls /actuator/health on the server.port default", () -> {
            Matcher url = HEALTH_URL.matcher(healthCommand(service));
            assertThat(url.find()).as("health check URL of " + name).isTrue();
            int healthPort = Integer.parseInt(url.group(1));
            assertThat(healthPort)
                    .as("health check port of %s (fixed port)", name)
                    .isEqualTo(PORTS.get(name));
            assertThat(healthPort)
                    .as("health check port of %s vs server.port default in %s", name, applicationYml)
                    .isEqualTo(serverPortDefault(applicationYml));
            Object port = environment(service).get("SERVER_PORT");
            if (port != null) {
                assertThat(String.valueOf(port)).isEqualTo(String.valueOf(healthPort));
            }
        }));
        checks.add(DynamicTest.dynamicTest(
                "runs the docker profile", () -> assertThat(environment(service).get("SPRING_PROFILES_ACTIVE"))
                        .isEqualTo("docker")));
        checks.add(DynamicTest.dynamicTest("sets only variables the service reads", () -> {
            Set<String> set = new TreeSet<>(environment(service).keySet());
            set.remove("SPRING_PROFILES_ACTIVE");
            assertThat(set).as("variables of the conventions table").isSubsetOf(READABLE_ENV.get(name));
            String yml = read(applicationYml);
            List<String> unread = set.stream()
                    .filter(variable -> !Pattern.compile("\\$\\{" + variable + "[:}]")
                            .matcher(yml)
                            .find())
                    .toList();
            assertThat(unread)
                    .as("variables set in compose but never read by " + applicationYml)
                    .isEmpty();
        }));
        checks.add(DynamicTest.dynamicTest("requires secrets instead of defaulting them", () -> environment(service)
                .forEach((variable, value) -> {
                    if (REQUIRED_SECRETS.contains(variable)) {
                        assertThat(String.valueOf(value)).matches("\\$\\{" + variable + ":\\?.+}");
                    }
                })));
        checks.add(DynamicTest.dynamicTest("application.yml has a docker profile document", () -> assertThat(
                        documents(applicationYml).stream().map(ComposeFileTest::profileOf))
                .contains("docker")));
        checks.add(DynamicTest.dynamicTest("waits for healthy dependencies", () -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            map(dependsOn, name + " depends_on (the short list form has no condition)")
                    .forEach((dependency, settings) -> {
                        assertThat(services)
                                .as(name + " depends on a service of the file")
                                .containsKey(dependency);
                        assertThat(map(settings, name + " -> " + dependency).get("condition"))
                                .as(name + " -> " + dependency)
                                .isEqualTo("service_healthy");
                    });
        }));
        if (name.startsWith("channel-")) {
            checks.add(
                    DynamicTest.dynamicTest("can be scaled: no container_name, no host ports", () -> assertThat(service)
                            .doesNotContainKeys("container_name", "ports")));
        }
        return DynamicContainer.dynamicContainer(name, checks);
    }

    /** The services built from the Dockerfile, by name. */
    private static Map<String, Map<String, Object>> heraldServices() {
        Map<String, Map<String, Object>> herald = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            Map<String, Object> settings = map(service, name);
            if (settings.containsKey("build")) {
                herald.put(name, settings);
            }
        });
        return herald;
    }

    private static int serverPortDefault(Path applicationYml) throws IOException {
        Object port = flatten(documents(applicationYml).get(0)).get("server.port");
        Matcher placeholder = SERVER_PORT_DEFAULT.matcher(String.valueOf(port));
        assertThat(placeholder.matches())
                .as("server.port of " + applicationYml + " is ${SERVER_PORT:<port>}, was " + port)
                .isTrue();
        return Integer.parseInt(placeholder.group(1));
    }

    private static String read(Path applicationYml) throws IOException {
        assertThat(applicationYml).as("the module's application.yml").isRegularFile();
        return Files.readString(applicationYml);
    }

    private static List<Map<String, Object>> documents(Path applicationYml) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(read(applicationYml))) {
            documents.add(document == null ? Map.of() : map(document, applicationYml.toString()));
        }
        return documents;
    }

    private static String profileOf(Map<String, Object> document) {
        Object profile = flatten(document).get("spring.config.activate.on-profile");
        return profile == null ? null : String.valueOf(profile);
    }

    /** Nested and dotted keys alike: {@code server: {port: 1}} and {@code server.port: 1} both give server.port. */
    private static Map<String, Object> flatten(Map<String, Object> document) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", document, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> node, Map<String, Object> flat) {
        node.forEach((key, value) -> {
            String path = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            if (value instanceof Map<?, ?> child) {
                flatten(path, child, flat);
            } else {
                flat.put(path, value);
            }
        });
    }

    /** Compose allows both {@code KEY: value} and {@code - KEY=value}. */
    private static Map<String, Object> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        if (environment == null) {
            return Map.of();
        }
        if (environment instanceof List<?> entries) {
            Map<String, Object> variables = new LinkedHashMap<>();
            for (Object entry : entries) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                variables.put(
                        equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
            }
            return variables;
        }
        return map(environment, "environment");
    }

    private static String healthCommand(Map<String, Object> service) {
        Object test = map(service.get("healthcheck"), "healthcheck").get("test");
        return test instanceof List<?> parts
                ? String.join(" ", parts.stream().map(String::valueOf).toList())
                : String.valueOf(test);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        assertThat(node).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static List<?> list(Object node, String what) {
        assertThat(node).as(what).isInstanceOf(List.class);
        return (List<?>) node;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
