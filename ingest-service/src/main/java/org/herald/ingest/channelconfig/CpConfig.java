package org.herald.ingest.channelconfig;

import java.time.Instant;
import java.util.UUID;

/**
 * A WeCom application (channel {@code cp}) of an account.
 *
 * @param code the code requests name in {@code option}
 * @param sealedSecret the application secret, sealed
 * @param proxy a URL to call instead of qyapi.weixin.qq.com (WeCom only accepts trusted addresses), or null
 */
public record CpConfig(
        long id,
        UUID accountId,
        String code,
        String name,
        String corpId,
        String agentId,
        String sealedSecret,
        String proxy,
        Instant createdAt) {

    @Override
    public String toString() {
        return "CpConfig[" + code + ", corp " + corpId + ", agent " + agentId + ", secret=<sealed>]";
    }
}
