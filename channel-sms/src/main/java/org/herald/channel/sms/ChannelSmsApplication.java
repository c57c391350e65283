package org.herald.channel.sms;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** SMS providers behind one SPI and the OTP endpoints; delivery arrives with its own issue. */
@SpringBootApplication
public class ChannelSmsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChannelSmsApplication.class, args);
    }
}
