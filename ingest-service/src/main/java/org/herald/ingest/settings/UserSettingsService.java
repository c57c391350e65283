package org.herald.ingest.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.herald.ingest.account.Account;
import org.herald.ingest.account.AccountChanged;
import org.herald.ingest.account.AccountRepository;
import org.herald.ingest.account.CallbackSettingsService;
import org.herald.ingest.api.Channels;
import org.herald.ingest.api.PushplusException;
import org.herald.ingest.channelconfig.ChannelConfigRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * An account's sending defaults and callback URL as the open API's settings show and change them.
 * The callback URL goes through {@link CallbackSettingsService}, so callback-service learns it as it
 * does from the admin API.
 */
@Service
public class UserSettingsService {

    /** How pushplus' settings page names the channels. */
    static final Map<String, String> CHANNEL_NAMES = Map.of(
            "wechat", "微信公众号",
            "webhook", "第三方webhook",
            "cp", "企业微信应用",
            "mail", "邮箱",
            "sms", "短信");

    private final AccountRepository accounts;
    private final ChannelConfigRepository channelConfigs;
    private final CallbackSettingsService callbacks;
    private final ApplicationEventPublisher events;

    UserSettingsService(
            AccountRepository accounts,
            ChannelConfigRepository channelConfigs,
            CallbackSettingsService callbacks,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.channelConfigs = channelConfigs;
        this.callbacks = callbacks;
        this.events = events;
    }

    /**
     * pushplus' getUserSettings. Settings Herald does not have answer their neutral value: no send or
     * receive limit (0), H5 pages (sendType 0), sending on (isSend 1), sender IP shown (showIp 1), no
     * plugin mirroring (extension 0).
     */
    public Map<String, Object> settings(UUID accountId) {
        Account account = account(accountId);
        String channel = account.defaultChannel() == null ? Channels.PUSHPLUS_DEFAULT : account.defaultChannel();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("defaultChannel", channel);
        data.put("defaultChannelTxt", CHANNEL_NAMES.getOrDefault(channel, channel));
        data.put("defaultWebhook", account.defaultOption() == null ? "" : account.defaultOption());
        data.put("sendLimit", 0);
        data.put("recevieLimit", 0);
        data.put("sendType", 0);
        data.put("isSend", 1);
        data.put("showIp", 1);
        data.put("extension", 0);
        data.put("callbackUrl", account.callbackUrl() == null ? "" : account.callbackUrl());
        return data;
    }

    /**
     * Sets the default channel and its configuration ({@code defaultWebhook}: the webhook, WeCom app or
     * mail sender code of that channel), which must exist when given.
     */
    public void changeDefaultChannel(UUID accountId, String defaultChannel, String defaultWebhook) {
        account(accountId);
        if (defaultChannel == null || defaultChannel.isBlank()) {
            throw PushplusException.invalid("defaultChannel不能为空");
        }
        String channel = defaultChannel.trim();
        if (!Channels.KNOWN.contains(channel)) {
            throw PushplusException.invalid("不支持的渠道: " + channel);
        }
        String option = defaultWebhook == null || defaultWebhook.isBlank() ? null : defaultWebhook.trim();
        if (option != null) {
            boolean exists =
                    switch (channel) {
                        case "webhook" ->
                            accounts.findWebhook(accountId, option).isPresent();
                        case "cp" ->
                            channelConfigs.findCpByCode(accountId, option).isPresent();
                        case "mail" ->
                            channelConfigs.findMailByCode(accountId, option).isPresent();
                        default -> throw PushplusException.invalid(channel + "渠道不需要defaultWebhook");
                    };
            if (!exists) {
                throw PushplusException.invalid(channel + "配置不存在: " + option);
            }
        }
        accounts.updateDefaults(accountId, channel, option);
        // /send reads the defaults through the account cache.
        events.publishEvent(new AccountChanged(accountId));
    }

    /** Sets (blank: removes) the account-wide callback URL; answers {@code {accountId, callbackUrl, signed}}. */
    public Map<String, Object> changeCallbackUrl(UUID accountId, String callbackUrl) {
        return callbacks.setUrl(accountId.toString(), callbackUrl);
    }

    private Account account(UUID accountId) {
        return accounts.findById(accountId).orElseThrow(() -> PushplusException.invalid("账户不存在"));
    }
}
