package org.herald.ingest.account;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.herald.ingest.api.Channels;
import org.herald.ingest.api.HttpAddress;
import org.herald.ingest.api.PushplusException;
import org.herald.sealing.SecretSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Creating accounts and their webhook configurations. */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private static final Pattern TOKEN = Pattern.compile("[0-9a-fA-F]{32}");
    /** Codes end up in delivery ids and Kafka keys, so they stay plain. */
    private static final Pattern WEBHOOK_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final int MAX_NAME_LENGTH = 100;

    private final AccountRepository accounts;
    private final SecretSealer sealer;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public AccountService(
            AccountRepository accounts, SecretSealer sealer, Clock clock, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.sealer = sealer;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Creates an account. The token and secret key are answered once and stored only hashed.
     *
     * @param token an existing pushplus token to import (32 hex), or null to generate one
     */
    public CreatedAccount create(
            String name, String token, String defaultChannel, String defaultOption, String callbackUrl) {
        String accountName = required("name", name);
        if (accountName.length() > MAX_NAME_LENGTH) {
            throw PushplusException.invalid("name长度不能超过" + MAX_NAME_LENGTH + "个字符");
        }
        String sendToken;
        if (blank(token)) {
            sendToken = Credentials.randomHex(16);
        } else if (TOKEN.matcher(token.trim()).matches()) {
            sendToken = token.trim().toLowerCase(Locale.ROOT);
        } else {
            throw PushplusException.invalid("token必须是32位十六进制字符");
        }
        String channel = blank(defaultChannel) ? null : defaultChannel.trim();
        if (channel != null && !Channels.KNOWN.contains(channel)) {
            throw PushplusException.invalid("不支持的渠道: " + channel);
        }
        String callback = blank(callbackUrl) ? null : HttpAddress.require("callbackUrl", callbackUrl.trim());
        String secretKey = Credentials.randomHex(32);
        Account account = new Account(
                UUID.randomUUID(),
                accountName,
                channel,
                blank(defaultOption) ? null : defaultOption.trim(),
                callback,
                clock.instant());
        if (!accounts.insert(account, sendToken, secretKey)) {
            throw PushplusException.invalid("token已存在");
        }
        log.info("account {} created ({})", account.id(), blank(token) ? "generated token" : "imported token");
        return new CreatedAccount(account.id(), sendToken, secretKey);
    }

    /**
     * Adds a webhook configuration; its URL and secret (signing secret, or custom headers) are sealed
     * before they are stored.
     */
    public Webhook addWebhook(String accountId, String code, String name, WebhookSettings settings) {
        UUID id = parseAccountId(accountId);
        if (accounts.findById(id).isEmpty()) {
            throw PushplusException.invalid("账户不存在");
        }
        String webhookCode = required("webhookCode", code);
        if (!WEBHOOK_CODE.matcher(webhookCode).matches()) {
            throw PushplusException.invalid("webhookCode只能包含字母、数字、下划线和短横线，最长64个字符");
        }
        String webhookName = blank(name) ? webhookCode : name.trim();
        if (webhookName.length() > MAX_NAME_LENGTH) {
            throw PushplusException.invalid("webhookName长度不能超过" + MAX_NAME_LENGTH + "个字符");
        }
        WebhookSettings.Checked checked = settings.check();
        Optional<Webhook> stored = accounts.insertWebhook(
                id,
                webhookCode,
                webhookName,
                checked.type().code(),
                sealer.seal(checked.url()),
                checked.secret() == null ? null : sealer.seal(checked.secret()),
                checked.attributes(),
                clock.instant());
        Webhook webhook = stored.orElseThrow(() -> PushplusException.invalid("webhookCode已存在: " + webhookCode));
        log.info(
                "webhook {} ({}) added to account {}: {}",
                webhookCode,
                checked.type().targetType(),
                id,
                HttpAddress.redacted(checked.url()));
        return webhook;
    }

    /** Adds a webhook of a type that needs nothing but its URL. */
    public Webhook addWebhook(String accountId, String code, String name, Integer type, String url) {
        return addWebhook(accountId, code, name, new WebhookSettings(type, url, null, null, null, null, null, null));
    }

    /** An account's webhooks; the caller shows their URLs masked. */
    public java.util.List<Webhook> webhooks(String accountId) {
        UUID id = parseAccountId(accountId);
        if (accounts.findById(id).isEmpty()) {
            throw PushplusException.invalid("账户不存在");
        }
        return accounts.listWebhooks(id);
    }

    /** The URL of a stored webhook as a listing shows it: scheme and host only. */
    public String maskedUrl(Webhook webhook) {
        try {
            return HttpAddress.redacted(sealer.open(webhook.sealedUrl()));
        } catch (org.herald.sealing.SealedValueException e) {
            return "(sealed with another key)";
        }
    }

    public void deleteWebhook(String accountId, String code) {
        UUID id = parseAccountId(accountId);
        if (!accounts.deleteWebhook(id, code)) {
            throw PushplusException.invalid("webhook配置不存在: " + code);
        }
        events.publishEvent(new AccountChanged(id));
    }

    /**
     * Edits a webhook. With {@code settings} its target is replaced (checked and sealed as on add);
     * without, only its code and name change and the sealed URL and secret stay as they are.
     */
    public Webhook editWebhook(UUID accountId, long id, String code, String name, WebhookSettings settings) {
        Webhook current = accounts.findWebhookById(accountId, id)
                .orElseThrow(() -> PushplusException.invalid("webhook配置不存在: " + id));
        String webhookCode = blank(code) ? current.code() : code.trim();
        if (!WEBHOOK_CODE.matcher(webhookCode).matches()) {
            throw PushplusException.invalid("webhookCode只能包含字母、数字、下划线和短横线，最长64个字符");
        }
        String webhookName = blank(name) ? current.name() : name.trim();
        if (webhookName.length() > MAX_NAME_LENGTH) {
            throw PushplusException.invalid("webhookName长度不能超过" + MAX_NAME_LENGTH + "个字符");
        }
        int type = current.type();
        String sealedUrl = current.sealedUrl();
        String sealedSecret = current.sealedSecret();
        java.util.Map<String, String> attributes = current.attributes();
        if (settings != null) {
            WebhookSettings.Checked checked = settings.check();
            type = checked.type().code();
            sealedUrl = sealer.seal(checked.url());
            sealedSecret = checked.secret() == null ? null : sealer.seal(checked.secret());
            attributes = checked.attributes();
        }
        try {
            accounts.updateWebhook(accountId, id, webhookCode, webhookName, type, sealedUrl, sealedSecret, attributes);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw PushplusException.invalid("webhookCode已存在: " + webhookCode);
        }
        events.publishEvent(new AccountChanged(accountId));
        log.info("webhook {} of account {} edited{}", webhookCode, accountId, settings == null ? "" : " (new target)");
        return accounts.findWebhookById(accountId, id).orElseThrow();
    }

    private static UUID parseAccountId(String accountId) {
        try {
            return UUID.fromString(accountId);
        } catch (IllegalArgumentException e) {
            throw PushplusException.invalid("账户不存在");
        }
    }

    private static String required(String field, String value) {
        if (blank(value)) {
            throw PushplusException.invalid(field + "不能为空");
        }
        return value.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** What account creation answers: the only time the token and secret key are shown. */
    public record CreatedAccount(UUID accountId, String token, String secretKey) {}
}
