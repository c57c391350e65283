package org.herald.channel.webhook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Delivers messages to robot and automation webhooks. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChannelWebhookApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChannelWebhookApplication.class, args);
    }
}
