package org.herald.ingest.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.herald.ingest.account.Account;
import org.herald.ingest.account.AccountDirectory;
import org.herald.ingest.account.Webhook;
import org.herald.ingest.api.PushplusException;
import org.junit.jupiter.api.Test;

class SendValidatorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Account PLAIN = account(null, null);
    private static final Account DEFAULTS = account("webhook", "dflt");

    private final SendValidator validator =
            new SendValidator(new Directory(), 100, 20000, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldAcceptAWebhookMessageAndApplyTheDocumentedDefaults() {
        ValidSend send = validator.validate(request("plain", "c", "webhook", "flow1"));

        assertThat(send.account()).isEqualTo(PLAIN);
        assertThat(send.channel()).isEqualTo("webhook");
        assertThat(send.option()).isEqualTo("flow1");
        assertThat(send.template()).isEqualTo("html");
        assertThat(send.title()).isEmpty();
        assertThat(send.to()).isEmpty();
        assertThat(send.deadline()).isNull();
    }

    @Test
    void shouldRefuseAMissingTokenAndAnUnknownOne() {
        assertRefused(request(null, "c", "webhook", "flow1"), 999, "token不能为空");
        assertRefused(request("nobody", "c", "webhook", "flow1"), 903, "无效的用户token");
    }

    @Test
    void shouldRefuseAMissingContent() {
        assertRefused(request("plain", null, "webhook", "flow1"), 999, "内容不能为空");
    }

    @Test
    void shouldRefuseTitlesAndContentsOverTheLimits() {
        assertRefused(with(request("plain", "c", "webhook", "flow1"), "title", "标".repeat(101)), 999, "标题长度不能超过100个字符");
        assertRefused(request("plain", "x".repeat(20001), "webhook", "flow1"), 999, "内容长度不能超过20000个字符");
        // An emoji is one character to the user although Java stores it in two chars.
        assertThat(validator
                        .validate(with(request("plain", "c", "webhook", "flow1"), "title", "😀".repeat(100)))
                        .title())
                .hasSize(200);
    }

    @Test
    void shouldTakeTheAccountsDefaultChannelAndOptionOnlyWhenNoChannelIsGiven() {
        ValidSend defaulted = validator.validate(request("defaults", "c", null, null));
        assertThat(defaulted.channel()).isEqualTo("webhook");
        assertThat(defaulted.option()).isEqualTo("dflt");

        assertRefused(request("defaults", "c", "webhook", null), 999, "webhook渠道需要webhook参数（webhook配置编码）");
        // pushplus' own default channel is wechat, which Herald does not deliver yet.
        assertRefused(request("plain", "c", null, null), 999, "渠道暂未开放: wechat");
    }

    @Test
    void shouldRefuseUnknownChannelsAndWebhookCodes() {
        assertRefused(request("plain", "c", "fax", null), 999, "不支持的渠道: fax（可选: wechat, webhook, cp, mail, sms）");
        assertRefused(request("plain", "c", "sms", null), 999, "渠道暂未开放: sms");
        assertRefused(request("plain", "c", "webhook", "other"), 999, "webhook配置不存在: other");
    }

    @Test
    void shouldNormaliseTheTemplateNameAndRefuseUnknownOnes() {
        assertThat(validator
                        .validate(with(request("plain", "c", "webhook", "flow1"), "template", "CloudMonitor"))
                        .template())
                .isEqualTo("cloudMonitor");
        assertRefused(
                with(request("plain", "c", "webhook", "flow1"), "template", "xml"),
                999,
                "不支持的模板: xml（可选: html, txt, json, markdown, cloudMonitor, jenkins, route, pay）");
    }

    @Test
    void shouldCheckTheCallbackUrl() {
        assertRefused(
                with(request("plain", "c", "webhook", "flow1"), "callbackUrl", "javascript:alert(1)"),
                999,
                "callbackUrl必须是http或https地址");
        assertRefused(
                with(request("plain", "c", "webhook", "flow1"), "callbackUrl", "https://x.test/" + "a".repeat(1010)),
                999,
                "callbackUrl长度不能超过1024个字符");
        assertThat(validator
                        .validate(with(request("plain", "c", "webhook", "flow1"), "callbackUrl", "https://x.test/cb"))
                        .callbackUrl())
                .isEqualTo("https://x.test/cb");
    }

    @Test
    void shouldRefuseATimestampEarlierThanNowAndKeepALaterOneAsDeadline() {
        SendParameters base = request("plain", "c", "webhook", "flow1");

        assertRefused(
                with(base, "timestamp", String.valueOf(NOW.toEpochMilli() - 1)), 999, "消息已过期: timestamp早于服务器当前时间");
        assertRefused(with(base, "timestamp", "tomorrow"), 999, "timestamp必须是毫秒时间戳");
        assertThat(validator
                        .validate(with(base, "timestamp", String.valueOf(NOW.toEpochMilli() + 60_000)))
                        .deadline())
                .isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void shouldSplitToAndCapItAtOneHundredRecipients() {
        String many = String.join(",", java.util.Collections.nCopies(150, "f"));

        assertThat(validator
                        .validate(with(request("plain", "c", "webhook", "flow1"), "to", " a, ,b "))
                        .to())
                .containsExactly("a", "b");
        assertThat(validator
                        .validate(with(request("plain", "c", "webhook", "flow1"), "to", many))
                        .to())
                .hasSize(100);
    }

    @Test
    void shouldOpenTheConfiguredChannelsAndRefuseAMessageNobodyCanReceive() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        SendValidator opened = new SendValidator(
                new Directory(),
                100,
                20000,
                Clock.fixed(NOW, ZoneOffset.UTC),
                java.util.Set.of("webhook", "wechat"),
                (accountId, channel, topic, to) -> {
                    asked.add(channel + "|" + topic + "|" + to);
                    if ("empty".equals(topic)) {
                        throw PushplusException.invalid("无用户接收消息");
                    }
                });

        assertThat(opened.validate(with(request("plain", "c", "wechat", null), "to", "t1,t2"))
                        .channel())
                .isEqualTo("wechat");
        assertThat(asked).containsExactly("wechat|null|[t1, t2]");
        assertThatThrownBy(() -> opened.validate(
                        new SendParameters("plain", null, "c", "empty", null, "wechat", null, null, null, null)))
                .hasMessage("无用户接收消息");
        assertThatThrownBy(() -> opened.validate(request("plain", "c", "mail", null)))
                .hasMessage("渠道暂未开放: mail");
    }

    private void assertRefused(SendParameters request, int code, String msg) {
        assertThatThrownBy(() -> validator.validate(request)).isInstanceOfSatisfying(PushplusException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(msg);
        });
    }

    private static SendParameters request(String token, String content, String channel, String option) {
        return new SendParameters(token, null, content, null, null, channel, option, null, null, null);
    }

    private static SendParameters with(SendParameters p, String name, String value) {
        return new SendParameters(
                p.token(),
                name.equals("title") ? value : p.title(),
                p.content(),
                p.topic(),
                name.equals("template") ? value : p.template(),
                p.channel(),
                p.option(),
                name.equals("callbackUrl") ? value : p.callbackUrl(),
                name.equals("timestamp") ? value : p.timestamp(),
                name.equals("to") ? value : p.to());
    }

    private static Account account(String defaultChannel, String defaultOption) {
        return new Account(UUID.randomUUID(), "a", defaultChannel, defaultOption, null, NOW);
    }

    /** The accounts these rules are checked against. */
    private static final class Directory implements AccountDirectory {

        private final Map<String, Account> byToken = Map.of("plain", PLAIN, "defaults", DEFAULTS);
        private final Map<UUID, String> webhooks = Map.of(PLAIN.id(), "flow1", DEFAULTS.id(), "dflt");

        @Override
        public Optional<Account> findByToken(String token) {
            return Optional.ofNullable(byToken.get(token));
        }

        @Override
        public Optional<Account> findById(UUID accountId) {
            return byToken.values().stream()
                    .filter(a -> a.id().equals(accountId))
                    .findFirst();
        }

        @Override
        public Optional<Webhook> findWebhook(UUID accountId, String code) {
            return code.equals(webhooks.get(accountId))
                    ? Optional.of(new Webhook(1, accountId, code, code, 7, "v1:x", NOW))
                    : Optional.empty();
        }
    }
}
