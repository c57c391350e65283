package org.herald.localstack;

import java.util.LinkedHashMap;
import java.util.Map;

/** The services the local stack runs, on their documented ports. */
enum Service {
    PROVIDER_SANDBOX("provider-sandbox", 8090),
    INGEST_SERVICE("ingest-service", 8081),
    CHANNEL_WEBHOOK("channel-webhook", 8083),
    CALLBACK_SERVICE("callback-service", 8086),
    CHANNEL_WECHAT("channel-wechat", 8082),
    CHANNEL_SMS("channel-sms", 8084),
    CHANNEL_MAIL("channel-mail", 8085),
    API_GATEWAY("api-gateway", 8080);

    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int POSTGRES_PORT = 5432;
    static final int REDIS_PORT = 6379;

    /** Partitions of every topic, as in production: room for two channel-webhook instances of six consumers. */
    static final int PARTITIONS = 12;

    final String module;
    final int port;

    Service(String module, int port) {
        this.module = module;
        this.port = port;
    }

    /** The environment each service reads, as its application.yml and docker-compose.yml name it. */
    Map<String, String> environment(LocalStackSettings settings, LocalSecrets secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(settings.port(port)));
        String postgres = "jdbc:postgresql://localhost:" + settings.port(POSTGRES_PORT) + "/";
        if (this == INGEST_SERVICE || this == CHANNEL_WEBHOOK || this == CALLBACK_SERVICE) {
            env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + settings.port(KAFKA_PORT));
            // Whichever service starts first creates the topics: all must ask for the same count.
            env.put("HERALD_KAFKA_PARTITIONS", String.valueOf(PARTITIONS));
        }
        switch (this) {
            case PROVIDER_SANDBOX -> {}
            case INGEST_SERVICE -> {
                env.put("DB_URL", postgres + "herald_ingest");
                database(env);
                env.put("HERALD_SEALING_KEY", secrets.sealingKey());
                env.put("HERALD_ADMIN_KEY", secrets.adminKey());
                env.put("HERALD_PUBLIC_BASE_URL", "http://localhost:" + settings.port(API_GATEWAY.port));
                // /send's same-content and quota counters.
                redis(env, settings);
                // The demo's callbackUrl is the sandbox on loopback; /send checks where it points.
                env.put("HERALD_OUTBOUND_ALLOW_PRIVATE", "true");
            }
            case CHANNEL_WEBHOOK -> {
                redis(env, settings);
                env.put("HERALD_SEALING_KEY", secrets.sealingKey());
                // The demo webhook and callback receivers are the sandbox on loopback.
                env.put("HERALD_OUTBOUND_ALLOW_PRIVATE", "true");
            }
            case CALLBACK_SERVICE -> {
                env.put("DB_URL", postgres + "herald_callback");
                database(env);
                env.put("HERALD_OUTBOUND_ALLOW_PRIVATE", "true");
                // Opens the signing secrets ingest seals; guards the attempts API like ingest's admin API.
                env.put("HERALD_SEALING_KEY", secrets.sealingKey());
                env.put("HERALD_ADMIN_KEY", secrets.adminKey());
            }
            case CHANNEL_WECHAT, CHANNEL_SMS, CHANNEL_MAIL -> {}
            case API_GATEWAY -> {
                env.put("INGEST_URL", "http://localhost:" + settings.port(INGEST_SERVICE.port));
                env.put("CHANNEL_WECHAT_URL", "http://localhost:" + settings.port(CHANNEL_WECHAT.port));
                env.put("CHANNEL_SMS_URL", "http://localhost:" + settings.port(CHANNEL_SMS.port));
                env.put("CALLBACK_SERVICE_URL", "http://localhost:" + settings.port(CALLBACK_SERVICE.port));
                env.put("SANDBOX_URL", "http://localhost:" + settings.port(PROVIDER_SANDBOX.port));
                redis(env, settings);
                // The "local" profile adds the /sandbox/** route to provider-sandbox.
                env.put("SPRING_PROFILES_ACTIVE", "local");
            }
        }
        return env;
    }

    private static void database(Map<String, String> env) {
        env.put("DB_USER", "postgres");
        env.put("DB_PASSWORD", "postgres");
    }

    private static void redis(Map<String, String> env, LocalStackSettings settings) {
        env.put("REDIS_HOST", "localhost");
        env.put("REDIS_PORT", String.valueOf(settings.port(REDIS_PORT)));
    }
}
