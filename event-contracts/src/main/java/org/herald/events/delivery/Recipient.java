package org.herald.events.delivery;

/**
 * The receiving end of one delivery.
 *
 * @param kind self, friend, topic-member, wecom-user or webhook
 * @param id a stable id for the kind (friend token, openId, WeCom user id, webhook code)
 */
public record Recipient(String kind, String id) {}
