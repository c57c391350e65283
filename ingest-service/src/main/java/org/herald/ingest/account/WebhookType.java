package org.herald.ingest.account;

import java.util.Arrays;
import java.util.Optional;

/**
 * The pushplus {@code webhookType} values Herald delivers (docs/channels/webhook.md), with the target
 * type channel-webhook dispatches on. Codes above 100 are Herald's extensions.
 */
public enum WebhookType {
    WECOM_ROBOT(1, "WECOM_ROBOT", "企业微信机器人", SecretKind.NONE),
    DINGTALK(2, "DINGTALK", "钉钉机器人", SecretKind.SIGNING),
    FEISHU(3, "FEISHU", "飞书机器人", SecretKind.SIGNING),
    SERVERCHAN(4, "SERVERCHAN", "Server酱", SecretKind.NONE),
    HIFLOW(7, "HIFLOW", "腾讯轻联(HiFlow)", SecretKind.NONE),
    IFTTT(8, "IFTTT", "IFTTT", SecretKind.NONE),
    JIJYUN(9, "JIJYUN", "集简云", SecretKind.NONE),
    GOTIFY(10, "GOTIFY", "Gotify", SecretKind.NONE),
    WXPUSHER(11, "WXPUSHER", "WxPusher", SecretKind.NONE),
    CUSTOM(12, "CUSTOM", "自定义webhook", SecretKind.HEADERS),
    BARK(50, "BARK", "Bark", SecretKind.NONE),
    LARK(101, "LARK", "Lark机器人", SecretKind.SIGNING),
    TELEGRAM(102, "TELEGRAM", "Telegram", SecretKind.NONE),
    DISCORD(103, "DISCORD", "Discord", SecretKind.NONE),
    SLACK(104, "SLACK", "Slack", SecretKind.NONE);

    /** What the sealed secret of a target of this type holds. */
    public enum SecretKind {
        /** Nothing besides the URL (which is sealed itself). */
        NONE,
        /** An optional signing secret (DingTalk 加签, Feishu/Lark 签名校验). */
        SIGNING,
        /** The custom request headers as a JSON object. */
        HEADERS
    }

    private final int code;
    private final String targetType;
    private final String displayName;
    private final SecretKind secretKind;

    WebhookType(int code, String targetType, String displayName, SecretKind secretKind) {
        this.code = code;
        this.targetType = targetType;
        this.displayName = displayName;
        this.secretKind = secretKind;
    }

    public int code() {
        return code;
    }

    /** The {@code DeliveryTarget.type} channel-webhook dispatches on. */
    public String targetType() {
        return targetType;
    }

    public String displayName() {
        return displayName;
    }

    public SecretKind secretKind() {
        return secretKind;
    }

    public static Optional<WebhookType> of(int code) {
        return Arrays.stream(values()).filter(type -> type.code == code).findFirst();
    }

    /** The codes for a refusal message, e.g. "1 企业微信机器人、2 钉钉机器人…". */
    public static String listing() {
        return String.join(
                "、",
                Arrays.stream(values())
                        .map(type -> type.code + " " + type.displayName)
                        .toList());
    }
}
