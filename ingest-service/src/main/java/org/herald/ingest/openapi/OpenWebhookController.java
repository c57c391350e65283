package org.herald.ingest.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.herald.ingest.account.AccountService;
import org.herald.ingest.account.Webhook;
import org.herald.ingest.account.WebhookSettings;
import org.herald.ingest.account.WebhookType;
import org.herald.ingest.api.Envelope;
import org.herald.ingest.api.PushplusException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open API's webhook configurations, on the same checks and sealing as the admin API. URLs are
 * shown masked to scheme and host (robots keep their key in the URL), secrets and headers never.
 */
@RestController
class OpenWebhookController {

    private final AccountService accounts;

    OpenWebhookController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/open/webhook/list")
    Envelope list(@OpenApiAccount UUID accountId, @RequestBody(required = false) Paging.PageRequest request) {
        return Envelope.executed(
                Paging.PageRequest.orDefault(request).of(accounts.webhooks(accountId.toString()), this::row));
    }

    @GetMapping("/api/open/webhook/detail")
    Envelope detail(@OpenApiAccount UUID accountId, @RequestParam(required = false) Long webhookId) {
        Webhook webhook = find(accountId, webhookId);
        Map<String, Object> detail = row(webhook);
        detail.put("hasSecret", webhook.sealedSecret() != null);
        Map<String, String> attributes = webhook.attributes();
        if (attributes.containsKey("keyword")) {
            detail.put("keyword", attributes.get("keyword"));
        }
        if (webhook.type() == WebhookType.CUSTOM.code()) {
            detail.put("httpMethod", attributes.get("method"));
            detail.put("body", attributes.get("body"));
            detail.put("contentType", attributes.get("contentType"));
        }
        return Envelope.executed(detail);
    }

    @PostMapping("/api/open/webhook/add")
    Envelope add(@OpenApiAccount UUID accountId, @RequestBody(required = false) WebhookRequest request) {
        if (request == null) {
            throw PushplusException.invalid("webhookCode不能为空");
        }
        Webhook webhook = accounts.addWebhook(
                accountId.toString(), request.webhookCode(), request.webhookName(), request.settings());
        return Envelope.executed(webhook.id());
    }

    @PostMapping("/api/open/webhook/edit")
    Envelope edit(@OpenApiAccount UUID accountId, @RequestBody(required = false) WebhookRequest request) {
        if (request == null || request.id() == null) {
            throw PushplusException.invalid("id不能为空");
        }
        WebhookSettings settings = null;
        if (request.webhookUrl() != null && !request.webhookUrl().isBlank()) {
            settings = request.settings();
        } else if (request.changesTarget()) {
            throw PushplusException.invalid("修改webhookType、secret等设置时需同时提供webhookUrl");
        }
        accounts.editWebhook(accountId, request.id(), request.webhookCode(), request.webhookName(), settings);
        return Envelope.executed("修改成功");
    }

    /** Not in pushplus' open API (its web console deletes); Herald offers it for completeness. */
    @DeleteMapping("/api/open/webhook/delete")
    Envelope delete(@OpenApiAccount UUID accountId, @RequestParam(required = false) Long webhookId) {
        accounts.deleteWebhook(accountId.toString(), find(accountId, webhookId).code());
        return Envelope.executed("删除成功");
    }

    private Webhook find(UUID accountId, Long webhookId) {
        if (webhookId == null) {
            throw PushplusException.invalid("webhookId不能为空");
        }
        return accounts.webhooks(accountId.toString()).stream()
                .filter(webhook -> webhook.id() == webhookId)
                .findFirst()
                .orElseThrow(() -> PushplusException.invalid("webhook配置不存在: " + webhookId));
    }

    private Map<String, Object> row(Webhook webhook) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", webhook.id());
        row.put("webhookCode", webhook.code());
        row.put("webhookName", webhook.name());
        row.put("webhookType", webhook.type());
        row.put(
                "webhookTypeName",
                WebhookType.of(webhook.type()).map(WebhookType::displayName).orElse(""));
        row.put("webhookUrl", accounts.maskedUrl(webhook));
        row.put("createTime", OpenApiController.PUSHPLUS_TIME.format(webhook.createdAt()));
        return row;
    }

    /**
     * pushplus' fields plus Herald's per-type settings (see the admin API): {@code secret} (DingTalk,
     * Feishu, Lark), {@code keyword} (DingTalk), {@code httpMethod}, {@code headers}, {@code body},
     * {@code contentType} (custom).
     */
    record WebhookRequest(
            Long id,
            String webhookCode,
            String webhookName,
            Integer webhookType,
            String webhookUrl,
            String secret,
            String keyword,
            String httpMethod,
            Object headers,
            String body,
            String contentType) {

        @Override
        public String toString() {
            return "WebhookRequest[" + id + ", " + webhookCode + ", type " + webhookType + ", <secrets hidden>]";
        }

        boolean changesTarget() {
            return webhookType != null
                    || secret != null
                    || keyword != null
                    || httpMethod != null
                    || headers != null
                    || body != null
                    || contentType != null;
        }

        @SuppressWarnings("unchecked")
        WebhookSettings settings() {
            if (headers != null && !(headers instanceof Map<?, ?>)) {
                throw PushplusException.invalid("headers必须是JSON对象");
            }
            return new WebhookSettings(
                    webhookType,
                    webhookUrl,
                    secret,
                    keyword,
                    httpMethod,
                    (Map<String, Object>) headers,
                    body,
                    contentType);
        }
    }
}
