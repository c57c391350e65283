package org.herald.events.delivery;

import java.util.Map;

/**
 * How a channel reaches the recipient.
 *
 * @param type the target type within the channel, e.g. HIFLOW, WECOM_ROBOT, DINGTALK
 * @param configCode the user's channel config code, or null
 * @param sealedAddress the address (a URL, an e-mail address, a phone number, an openId), sealed
 *     because robot URLs carry their access key; null when the channel needs none
 * @param sealedSecret the target's signing secret (DingTalk, Feishu), sealed; null when it has none
 * @param attributes further non-secret settings of the target
 */
public record DeliveryTarget(
        String type, String configCode, String sealedAddress, String sealedSecret, Map<String, String> attributes) {

    public DeliveryTarget {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
