package org.herald.localstack;

/** What the newcomer reads once the stack is up. */
final class Banner {

    private Banner() {}

    static String of(LocalStack stack, LocalStackSettings settings, MemoryUse memory) {
        DemoAccount demo = stack.demoAccount();
        String gateway = stack.gatewayUrl();
        String sandbox = stack.sandboxUrl();
        return """

                Herald is up in %.1f s (memory of the whole stack: %d MB PSS, %d MB RSS summed over processes).

                  gateway   %s        sandbox page  %s
                  Kafka     localhost:%d  PostgreSQL localhost:%d  Redis localhost:%d
                  logs      %s

                Demo token: %s   (open-API secretKey: %s)

                Send a message (it goes to the sandbox's HiFlow webhook, then a callback to the sandbox):

                  curl -s %s/send -H 'Content-Type: application/json' -d '{"token":"%s","title":"Hello","content":"Herald works","channel":"webhook","webhook":"demo","callbackUrl":"%s/callback/demo"}'

                Then watch %s: the HiFlow body, then the message_complate callback.
                Delivery status (pushplus open API):

                  KEY=$(curl -s %s/api/common/openApi/getAccessKey -H 'Content-Type: application/json' -d '{"token":"%s","secretKey":"%s"}' | sed 's/.*"accessKey":"\\([^"]*\\)".*/\\1/')
                  curl -s "%s/api/open/message/sendMessageResult?shortCode=<data of the send answer>" -H "access-key: $KEY"

                Ctrl-C stops everything. Each start begins with empty stores.
                """
                .formatted(
                        stack.startup().toMillis() / 1000.0,
                        memory.pssKiB() / 1024,
                        memory.rssKiB() / 1024,
                        gateway,
                        sandbox,
                        settings.port(Service.KAFKA_PORT),
                        settings.port(Service.POSTGRES_PORT),
                        settings.port(Service.REDIS_PORT),
                        settings.dataDirectory().resolve("logs"),
                        demo.token(),
                        demo.secretKey(),
                        gateway,
                        demo.token(),
                        sandbox,
                        sandbox,
                        gateway,
                        demo.token(),
                        demo.secretKey(),
                        gateway);
    }
}
