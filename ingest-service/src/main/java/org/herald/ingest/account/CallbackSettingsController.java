package org.herald.ingest.account;

import org.herald.ingest.api.Envelope;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's API for an account's callbacks (guarded by {@link AdminKeyInterceptor}): the
 * account-wide callback URL and the signing secret.
 */
@RestController
@RequestMapping("/api/admin/accounts/{accountId}/callback")
class CallbackSettingsController {

    private final CallbackSettingsService callbacks;

    CallbackSettingsController(CallbackSettingsService callbacks) {
        this.callbacks = callbacks;
    }

    /** {@code {"callbackUrl":"https://…"}}; an empty URL removes it. */
    @PutMapping("/url")
    Envelope setUrl(@PathVariable String accountId, @RequestBody(required = false) CallbackUrl request) {
        return Envelope.executed(callbacks.setUrl(accountId, request == null ? null : request.callbackUrl()));
    }

    /** Answers the new {@code whsec_…} secret once; the previous one signs too for the overlap. */
    @PostMapping("/signing-secret")
    Envelope rotateSecret(@PathVariable String accountId) {
        return Envelope.executed(callbacks.rotateSecret(accountId));
    }

    record CallbackUrl(String callbackUrl) {}
}
