package org.herald.ingest.account;

import java.util.LinkedHashMap;
import java.util.Map;
import org.herald.ingest.api.Envelope;
import org.herald.ingest.api.PushplusException;
import org.springframework.web.bind.annotation.DeleteMapping;
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

    AdminController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    Envelope createAccount(@RequestBody(required = false) NewAccount request) {
        NewAccount body = request == null ? new NewAccount(null, null, null, null, null) : request;
        return Envelope.executed(accounts.create(
                body.name(), body.token(), body.defaultChannel(), body.defaultOption(), body.callbackUrl()));
    }

    @PostMapping("/{accountId}/webhooks")
    Envelope addWebhook(@PathVariable String accountId, @RequestBody(required = false) NewWebhook request) {
        if (request == null) {
            throw PushplusException.invalid("webhookCode不能为空");
        }
        Webhook webhook = accounts.addWebhook(
                accountId, request.webhookCode(), request.webhookName(), request.webhookType(), request.webhookUrl());
        // The URL is not echoed: it may carry the robot's key and was just typed by the caller anyway.
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", webhook.id());
        data.put("webhookCode", webhook.code());
        data.put("webhookName", webhook.name());
        data.put("webhookType", webhook.type());
        return Envelope.executed(data);
    }

    @DeleteMapping("/{accountId}/webhooks/{webhookCode}")
    Envelope deleteWebhook(@PathVariable String accountId, @PathVariable String webhookCode) {
        accounts.deleteWebhook(accountId, webhookCode);
        return Envelope.executed(null);
    }

    record NewAccount(String name, String token, String defaultChannel, String defaultOption, String callbackUrl) {}

    record NewWebhook(String webhookCode, String webhookName, Integer webhookType, String webhookUrl) {}
}
