package org.herald.ingest.account;

import java.util.Optional;
import java.util.UUID;

/** The account lookups the send path and the dispatcher need. */
public interface AccountDirectory {

    /** The account a send token belongs to. */
    Optional<Account> findByToken(String token);

    Optional<Account> findById(UUID accountId);

    Optional<Webhook> findWebhook(UUID accountId, String code);
}
