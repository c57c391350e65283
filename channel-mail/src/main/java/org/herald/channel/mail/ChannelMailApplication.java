package org.herald.channel.mail;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** SMTP delivery through the platform sender and per-account senders; delivery arrives with its own issue. */
@SpringBootApplication
public class ChannelMailApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChannelMailApplication.class, args);
    }
}
