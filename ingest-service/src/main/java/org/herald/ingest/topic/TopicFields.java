package org.herald.ingest.topic;

/** What the owner writes about a topic, checked. */
record TopicFields(String code, String name, String contact, String introduction, String receiptMessage) {}
