package org.herald.ingest.account;

import java.util.Arrays;
import java.util.Optional;

/** The pushplus {@code webhookType} values Herald delivers so far, with the target type channels know. */
public enum WebhookType {
    HIFLOW(7, "HIFLOW", "腾讯轻联(HiFlow)"),
    JIJYUN(9, "JIJYUN", "集简云");

    private final int code;
    private final String targetType;
    private final String displayName;

    WebhookType(int code, String targetType, String displayName) {
        this.code = code;
        this.targetType = targetType;
        this.displayName = displayName;
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

    public static Optional<WebhookType> of(int code) {
        return Arrays.stream(values()).filter(type -> type.code == code).findFirst();
    }
}
