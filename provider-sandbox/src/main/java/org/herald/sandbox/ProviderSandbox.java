package org.herald.sandbox;

import org.herald.sandbox.behaviour.ScriptedFailures;
import org.herald.sandbox.callback.CallbackReceivers;
import org.herald.sandbox.inbox.Inbox;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sandbox running inside another JVM, for other modules' tests: their services send real HTTP
 * to it and the tests read what arrived from its {@link Inbox}.
 *
 * <p>It reads no configuration file: the host module's {@code application.yml} comes first on the
 * classpath and would otherwise configure the sandbox as that service.
 */
public final class ProviderSandbox implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private ProviderSandbox(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** Starts a sandbox on a free port. */
    public static ProviderSandbox start() {
        return start(0);
    }

    public static ProviderSandbox start(int port) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ProviderSandboxApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false);
        // Logging belongs to the host JVM; the sandbox must not re-initialise it under its own name.
        SpringApplication application = builder.application();
        application.setListeners(application.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener))
                .toList());
        ConfigurableApplicationContext context = builder
                // Command-line arguments outrank everything the host's environment or files might say.
                .run(
                "--spring.config.name=provider-sandbox-in-process",
                "--spring.application.name=provider-sandbox",
                "--server.port=" + port,
                "--spring.jmx.enabled=false",
                "--spring.main.register-shutdown-hook=false");
        return new ProviderSandbox(context);
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>}, the sandbox's root. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Inbox inbox() {
        return context.getBean(Inbox.class);
    }

    public ScriptedFailures behaviour() {
        return context.getBean(ScriptedFailures.class);
    }

    /** The robots the chat-robot fakes know (secrets, keywords), as set up in a vendor console. */
    public org.herald.sandbox.robot.RobotRegistry robots() {
        return context.getBean(org.herald.sandbox.robot.RobotRegistry.class);
    }

    /** How each callback receiver behaves: its signing secret, delay, 410, Retry-After. */
    public CallbackReceivers callbackReceivers() {
        return context.getBean(CallbackReceivers.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
