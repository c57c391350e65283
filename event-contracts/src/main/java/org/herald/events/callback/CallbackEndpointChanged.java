package org.herald.events.callback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account's callback endpoint as ingest now holds it: published on the internal topic
 * {@code herald.callback-endpoints} (key = accountId) whenever the URL is set or the signing secret
 * rotated. The latest event per account is the whole state, so callback-service simply replaces its
 * copy. Setting the URL again re-enables an endpoint callback-service had disabled.
 *
 * @param accountId the account
 * @param callbackUrl the account-wide callback URL, or null when the account has none
 * @param sealedSigningSecrets the {@code whsec_…} signing secrets sealed with {@code secret-sealing},
 *     newest first, at most two (two only while a rotation overlaps); empty when callbacks go unsigned
 * @param previousSecretExpiresAt when the second (older) secret stops signing, null when there is none
 * @param changedAt when ingest made the change
 */
public record CallbackEndpointChanged(
        UUID accountId,
        String callbackUrl,
        List<String> sealedSigningSecrets,
        Instant previousSecretExpiresAt,
        Instant changedAt) {

    public CallbackEndpointChanged {
        sealedSigningSecrets = sealedSigningSecrets == null ? List.of() : List.copyOf(sealedSigningSecrets);
    }
}
