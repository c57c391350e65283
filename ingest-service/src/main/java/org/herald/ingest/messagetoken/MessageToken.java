package org.herald.ingest.messagetoken;

import java.time.Instant;
import java.util.UUID;

/**
 * A message token (pushplus 消息token): an extra send token of an account, with its own name and
 * expiry. Only its hash is stored; {@code hint} is its first characters, enough to tell tokens apart.
 */
public record MessageToken(long id, UUID accountId, String name, String hint, Instant expiresAt, Instant createdAt) {}
