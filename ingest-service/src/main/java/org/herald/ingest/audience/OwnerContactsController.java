package org.herald.ingest.audience;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.herald.ingest.account.AccountDirectory;
import org.herald.ingest.api.Envelope;
import org.herald.ingest.api.PushplusException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator sets where an account's owner is reached for messages sent to oneself (no topic, no
 * {@code to}), since nobody binds contacts by scanning a WeChat QR code yet. Guarded by the admin key.
 */
@RestController
class OwnerContactsController {

    private final OwnerContactsRepository contacts;
    private final AccountDirectory accounts;
    private final Clock clock;

    OwnerContactsController(OwnerContactsRepository contacts, AccountDirectory accounts, Clock clock) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.clock = clock;
    }

    @PutMapping("/api/admin/accounts/{accountId}/contacts")
    Envelope put(@PathVariable String accountId, @RequestBody(required = false) ContactsBody request) {
        UUID id = existing(accountId);
        ContactsBody body = request == null ? new ContactsBody(null, null, null, null, null) : request;
        Contacts checked = Contacts.checked(body.openId(), body.wecomUserId(), body.email(), body.phone());
        String nickName = body.nickName() == null ? "" : body.nickName().trim();
        if (nickName.length() > 64) {
            throw PushplusException.invalid("nickName长度不能超过64个字符");
        }
        contacts.put(id, checked, nickName, clock.instant());
        return Envelope.executed(view(id, checked));
    }

    @GetMapping("/api/admin/accounts/{accountId}/contacts")
    Envelope get(@PathVariable String accountId) {
        UUID id = existing(accountId);
        return Envelope.executed(view(id, contacts.find(id)));
    }

    private UUID existing(String accountId) {
        try {
            UUID id = UUID.fromString(accountId);
            if (accounts.findById(id).isPresent()) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below like an unknown account
        }
        throw PushplusException.invalid("账户不存在");
    }

    private static Map<String, Object> view(UUID id, Contacts contacts) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", id);
        data.put("openId", contacts.openId());
        data.put("wecomUserId", contacts.wecomUserId());
        data.put("email", contacts.email());
        data.put("phone", contacts.phone());
        return data;
    }

    record ContactsBody(String openId, String wecomUserId, String email, String phone, String nickName) {}
}
