package org.herald.callback.endpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An account's callback endpoint as callback-service knows it.
 *
 * @param url the account-wide callback URL, or null
 * @param sealedSecret the newest signing secret, sealed, or null (callbacks go unsigned)
 * @param sealedPreviousSecret the secret before a rotation, sealed, signing too until
 *     {@code previousSecretExpiresAt}
 * @param failingSince when the current run of failures began, null after a success
 * @param disabledAt when callback-service stopped calling it, null while enabled
 */
public record CallbackEndpoint(
        UUID accountId,
        String url,
        String sealedSecret,
        String sealedPreviousSecret,
        Instant previousSecretExpiresAt,
        Instant changedAt,
        Instant failingSince,
        Instant disabledAt,
        String disabledReason) {

    public boolean disabled() {
        return disabledAt != null;
    }

    /** The sealed secrets that sign at {@code now}, newest first. */
    public List<String> sealedSecretsAt(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        if (sealedSecret != null) {
            secrets.add(sealedSecret);
        }
        if (sealedPreviousSecret != null
                && (previousSecretExpiresAt == null || now.isBefore(previousSecretExpiresAt))) {
            secrets.add(sealedPreviousSecret);
        }
        return secrets;
    }
}
