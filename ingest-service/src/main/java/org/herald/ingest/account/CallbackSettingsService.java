package org.herald.ingest.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herald.events.callback.CallbackEndpointChanged;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.ingest.api.HttpAddress;
import org.herald.ingest.api.PushplusException;
import org.herald.sealing.SecretSealer;
import org.herald.transport.EventPublisher;
import org.herald.transport.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * An account's callback URL and Standard Webhooks signing secret. Every change is published on
 * {@code herald.callback-endpoints} (secrets sealed) and acknowledged by the broker before the
 * operator gets an answer, so callback-service signs with a secret the operator already holds.
 */
@Service
public class CallbackSettingsService {

    static final String SECRET_PREFIX = "whsec_";
    /** 32 bytes: 256 bits, within Standard Webhooks' 24–64. */
    static final int SECRET_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(CallbackSettingsService.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(5);

    private final AccountRepository accounts;
    private final CallbackSettingsRepository settings;
    private final SecretSealer sealer;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration overlap;
    private final SecureRandom random = new SecureRandom();

    public CallbackSettingsService(
            AccountRepository accounts,
            CallbackSettingsRepository settings,
            SecretSealer sealer,
            EventPublisher publisher,
            Clock clock,
            CallbackSigningProperties properties) {
        this.accounts = accounts;
        this.settings = settings;
        this.sealer = sealer;
        this.publisher = publisher;
        this.clock = clock;
        this.overlap = properties.overlap();
    }

    /**
     * Sets (or, with a blank URL, removes) the account-wide callback URL. Setting it again also
     * re-enables an endpoint callback-service disabled.
     */
    public Map<String, Object> setUrl(String accountId, String url) {
        UUID id = existing(accountId);
        String callbackUrl = url == null || url.isBlank() ? null : HttpAddress.require("callbackUrl", url.trim());
        settings.setUrl(id, callbackUrl);
        CallbackEndpointChanged published = publish(id);
        log.info(
                "callback URL of account {} set to {}",
                id,
                callbackUrl == null ? "none" : HttpAddress.redacted(callbackUrl));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", id.toString());
        data.put("callbackUrl", callbackUrl);
        data.put("signed", !published.sealedSigningSecrets().isEmpty());
        return data;
    }

    /**
     * Makes a new signing secret and answers it, the only time it is shown. The previous one keeps
     * signing for the overlap, so receivers can switch without losing a callback.
     */
    public Map<String, Object> rotateSecret(String accountId) {
        UUID id = existing(accountId);
        Instant now = clock.instant();
        String secret = newSecret();
        CallbackSettingsRepository.Secrets before = settings.secrets(id).orElse(null);
        CallbackSettingsRepository.Secrets after = before == null
                ? new CallbackSettingsRepository.Secrets(sealer.seal(secret), null, null)
                : new CallbackSettingsRepository.Secrets(
                        sealer.seal(secret), before.current(), now.plus(overlap).truncatedTo(ChronoUnit.SECONDS));
        settings.saveSecrets(id, after, now);
        publish(id);
        log.info("callback signing secret of account {} rotated", id);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", id.toString());
        data.put("signingSecret", secret);
        data.put(
                "previousSecretExpiresAt",
                after.previousExpiresAt() == null
                        ? null
                        : after.previousExpiresAt().toString());
        return data;
    }

    /** Publishes the account's current settings (after account creation with a callback URL, too). */
    public CallbackEndpointChanged publish(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> PushplusException.invalid("账户不存在"));
        Instant now = clock.instant();
        List<String> sealed = new ArrayList<>(2);
        Instant previousExpiresAt = null;
        CallbackSettingsRepository.Secrets secrets = settings.secrets(accountId).orElse(null);
        if (secrets != null) {
            sealed.add(secrets.current());
            if (secrets.previous() != null
                    && secrets.previousExpiresAt() != null
                    && now.isBefore(secrets.previousExpiresAt())) {
                sealed.add(secrets.previous());
                previousExpiresAt = secrets.previousExpiresAt();
            }
        }
        CallbackEndpointChanged change =
                new CallbackEndpointChanged(accountId, account.callbackUrl(), sealed, previousExpiresAt, now);
        try {
            publisher.publishAndWait(
                    Topics.CALLBACK_ENDPOINTS,
                    EventTypes.CALLBACK_ENDPOINT_CHANGED,
                    accountId.toString(),
                    UUID.randomUUID().toString(),
                    change,
                    PUBLISH_TIMEOUT);
        } catch (PublishFailedException e) {
            // Stored, not yet announced: repeating the same request publishes again.
            log.warn("could not publish the callback settings of account {}: {}", accountId, e.getMessage());
            throw PushplusException.busy();
        }
        return change;
    }

    private String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    private UUID existing(String accountId) {
        UUID id;
        try {
            id = UUID.fromString(accountId);
        } catch (IllegalArgumentException e) {
            throw PushplusException.invalid("账户不存在");
        }
        if (accounts.findById(id).isEmpty()) {
            throw PushplusException.invalid("账户不存在");
        }
        return id;
    }
}
