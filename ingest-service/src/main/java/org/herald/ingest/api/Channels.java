package org.herald.ingest.api;

import java.util.Set;

/** The pushplus channel names, and the ones Herald can deliver today. */
public final class Channels {

    public static final String WEBHOOK = "webhook";

    /** Every channel of the pushplus API that Herald knows. */
    public static final Set<String> KNOWN = Set.of("wechat", "webhook", "cp", "mail", "sms");

    /**
     * The channels with a delivering service, the default of {@code herald.ingest.open-channels}; the
     * others are refused honestly instead of faking success.
     */
    public static final Set<String> OPEN = Set.of(WEBHOOK);

    /** What a request without {@code channel} gets when its account has no default either. */
    public static final String PUSHPLUS_DEFAULT = "wechat";

    private Channels() {}
}
