package org.herald.ingest.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herald.ingest.api.Envelope;
import org.herald.ingest.api.PushplusException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's API for accounts and webhook configurations (guarded by {@link AdminKeyInterceptor}). */
@RestController
@RequestMapping("/api/admin/accounts")
class AdminController {

    private final AccountService accounts;
    private final CallbackSettingsService callbacks;

    AdminController(AccountService accounts, CallbackSettingsService callbacks) {
        this.accounts = accounts;
        this.callbacks = callbacks;
    }

    @PostMapping
    Envelope createAccount(@RequestBody(required = false) NewAccount request) {
        NewAccount body = request == null ? new NewAccount(null, null, null, null, null) : request;
        AccountService.CreatedAccount created = accounts.create(
                body.name(), body.token(), body.defaultChannel(), body.defaultOption(), body.callbackUrl());
        if (body.callbackUrl() != null && !body.callbackUrl().isBlank()) {
            // callback-service learns account-wide URLs from herald.callback-endpoints.
            callbacks.publish(created.accountId());
        }
        return Envelope.executed(created);
    }

    @PostMapping("/{accountId}/webhooks")
    Envelope addWebhook(@PathVariable String accountId, @RequestBody(required = false) NewWebhook request) {
        if (request == null) {
            throw PushplusException.invalid("webhookCode不能为空");
        }
        Webhook webhook = accounts.addWebhook(
                accountId,
                request.webhookCode(),
                request.webhookName(),
                new WebhookSettings(
                        request.webhookType(),
                        request.webhookUrl(),
                        request.secret(),
                        request.keyword(),
                        request.httpMethod(),
                        headers(request.headers()),
                        request.body(),
                        request.contentType()));
        // The URL is not echoed: it may carry the robot's key and was just typed by the caller anyway.
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", webhook.id());
        data.put("webhookCode", webhook.code());
        data.put("webhookName", webhook.name());
        data.put("webhookType", webhook.type());
        return Envelope.executed(data);
    }

    /** The account's webhooks; URLs masked to scheme and host, secrets and headers never shown. */
    @GetMapping("/{accountId}/webhooks")
    Envelope listWebhooks(@PathVariable String accountId) {
        List<Map<String, Object>> list = accounts.webhooks(accountId).stream()
                .map(webhook -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("webhookCode", webhook.code());
                    row.put("webhookName", webhook.name());
                    row.put("webhookType", webhook.type());
                    row.put("webhookUrl", accounts.maskedUrl(webhook));
                    row.put("hasSecret", webhook.sealedSecret() != null);
                    row.putAll(webhook.attributes());
                    return row;
                })
                .toList();
        return Envelope.executed(list);
    }

    @DeleteMapping("/{accountId}/webhooks/{webhookCode}")
    Envelope deleteWebhook(@PathVariable String accountId, @PathVariable String webhookCode) {
        accounts.deleteWebhook(accountId, webhookCode);
        return Envelope.executed(null);
    }

    record NewAccount(String name, String token, String defaultChannel, String defaultOption, String callbackUrl) {}

    @SuppressWarnings("unchecked")
    private static Map<String, Object> headers(Object headers) {
        if (headers == null) {
            return null;
        }
        if (!(headers instanceof Map<?, ?> map)) {
            throw PushplusException.invalid("headers必须是JSON对象");
        }
        return (Map<String, Object>) map;
    }

    /**
     * @param secret DingTalk, Feishu, Lark: the signing secret
     * @param keyword DingTalk: the robot's custom keyword
     * @param httpMethod CUSTOM only, with {@code headers} (a JSON object), {@code body} and
     *     {@code contentType}
     */
    record NewWebhook(
            String webhookCode,
            String webhookName,
            Integer webhookType,
            String webhookUrl,
            String secret,
            String keyword,
            String httpMethod,
            Object headers,
            String body,
            String contentType) {}
}
