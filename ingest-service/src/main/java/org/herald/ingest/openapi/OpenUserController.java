package org.herald.ingest.openapi;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.herald.ingest.account.Account;
import org.herald.ingest.account.AccountRepository;
import org.herald.ingest.api.Envelope;
import org.herald.ingest.api.PushplusException;
import org.herald.ingest.message.MessageRepository;
import org.herald.ingest.settings.UserSettingsService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The open API's user endpoints ({@code /api/open/user/*}) and settings ({@code /api/open/setting/*}). */
@RestController
class OpenUserController {

    private final AccountRepository accounts;
    private final MessageRepository messages;
    private final UserSettingsService settings;
    private final Clock clock;

    OpenUserController(
            AccountRepository accounts, MessageRepository messages, UserSettingsService settings, Clock clock) {
        this.accounts = accounts;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * pushplus' profile fields. Herald accounts have a name and nothing of a WeChat profile, and the
     * token is stored only hashed, so those fields are empty; every account counts as verified.
     */
    @GetMapping("/api/open/user/myInfo")
    Envelope myInfo(@OpenApiAccount UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> PushplusException.invalid("账户不存在"));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("openId", "");
        info.put("unionId", "");
        info.put("nickName", account.name());
        info.put("headImgUrl", "");
        info.put("userSex", 0);
        info.put("token", "");
        info.put("phoneNumber", "");
        info.put("email", "");
        info.put("emailStatus", 0);
        info.put("birthday", "");
        info.put("points", 0);
        info.put("verifyStatus", 1);
        info.put("vipInfo", Map.of("isVip", 0, "lastDay", ""));
        info.put("createTime", OpenApiController.PUSHPLUS_TIME.format(account.createdAt()));
        return Envelope.executed(info);
    }

    /** Herald does not ban accounts (daily quotas only refuse the request), so the state is always "none". */
    @GetMapping("/api/open/user/userLimitTime")
    Envelope userLimitTime(@OpenApiAccount UUID accountId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sendLimit", 1);
        data.put("userLimitTime", "");
        return Envelope.executed(data);
    }

    /** Messages accepted today (China time), per channel, from the message read model. */
    @GetMapping("/api/open/user/sendCount")
    Envelope sendCount(@OpenApiAccount UUID accountId) {
        var startOfDay = LocalDate.now(clock.withZone(OpenApiController.PUSHPLUS_TIME.getZone()))
                .atStartOfDay(OpenApiController.PUSHPLUS_TIME.getZone())
                .toInstant();
        Map<String, Long> counts = messages.countByChannel(accountId, startOfDay);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("wechatSendCount", counts.getOrDefault("wechat", 0L));
        data.put("cpSendCount", counts.getOrDefault("cp", 0L));
        data.put("webhookSendCount", counts.getOrDefault("webhook", 0L));
        data.put("mailSendCount", counts.getOrDefault("mail", 0L));
        data.put("smsSendCount", counts.getOrDefault("sms", 0L));
        return Envelope.executed(data);
    }

    @GetMapping("/api/open/setting/getUserSettings")
    Envelope getUserSettings(@OpenApiAccount UUID accountId) {
        return Envelope.executed(settings.settings(accountId));
    }

    @PostMapping("/api/open/setting/changeDefaultChannel")
    Envelope changeDefaultChannel(
            @OpenApiAccount UUID accountId, @RequestBody(required = false) DefaultChannelRequest request) {
        DefaultChannelRequest body = request == null ? new DefaultChannelRequest(null, null, null) : request;
        settings.changeDefaultChannel(
                accountId,
                body.defaultChannel(),
                body.defaultWebhook() != null ? body.defaultWebhook() : body.option());
        return Envelope.executed(null);
    }

    /** Herald's own: pushplus sets the callback URL in its web console only. */
    @PostMapping("/api/open/setting/changeCallbackUrl")
    Envelope changeCallbackUrl(@OpenApiAccount UUID accountId, @RequestBody(required = false) CallbackRequest request) {
        return Envelope.executed(settings.changeCallbackUrl(accountId, request == null ? null : request.callbackUrl()));
    }

    /** @param option accepted as a synonym of {@code defaultWebhook}, as /send accepts both names */
    record DefaultChannelRequest(String defaultChannel, String defaultWebhook, String option) {}

    record CallbackRequest(String callbackUrl) {}
}
