package org.herald.ingest.account;

import java.util.UUID;

/**
 * Published in-process after this instance changed an account's data, so its own cache drops the
 * account before the answer leaves; PostgreSQL's notification reaches every instance a moment later.
 */
public record AccountChanged(UUID accountId) {}
