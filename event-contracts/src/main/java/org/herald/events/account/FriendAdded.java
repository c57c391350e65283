package org.herald.events.account;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone became the account's friend by scanning its QR code; callback-service turns it into
 * {@code add_friend}. The friend token is an address for {@code to}, not a credential of the account.
 *
 * @param eventId stable id, the callback's webhook-id
 * @param accountId the account that was befriended
 * @param friendId the friend relation id
 * @param friendToken the friend token to use in {@code to}
 * @param qrCode the custom string the QR code carried
 * @param nickName the friend's nickname
 * @param isFollow 1 when the friend follows the official account
 * @param havePhone 1 when the friend bound a phone
 * @param emailStatus 0 unverified, 1 pending, 2 verified
 * @param addedAt when the friendship was made
 */
public record FriendAdded(
        String eventId,
        UUID accountId,
        long friendId,
        String friendToken,
        String qrCode,
        String nickName,
        int isFollow,
        int havePhone,
        int emailStatus,
        Instant addedAt)
        implements AccountEvent {}
