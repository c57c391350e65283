package org.herald.ingest.channelconfig;

import java.time.Instant;
import java.util.UUID;

/**
 * An SMTP sender (channel {@code mail}) of an account, such as a QQ Mail box with an authorization code.
 *
 * @param code the code requests name in {@code option}
 * @param account the SMTP login, usually the sender's address
 * @param sealedPassword the password or authorization code, sealed
 */
public record MailConfig(
        long id,
        UUID accountId,
        String code,
        String name,
        String account,
        String sealedPassword,
        String smtpServer,
        int smtpPort,
        boolean smtpSsl,
        Instant createdAt) {

    @Override
    public String toString() {
        return "MailConfig[" + code + ", " + smtpServer + ":" + smtpPort + ", password=<sealed>]";
    }
}
