package org.herald.ingest.friend;

import java.time.Clock;
import java.util.UUID;
import org.herald.events.account.FriendAdded;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.ingest.IngestProperties;
import org.herald.ingest.account.AccountDirectory;
import org.herald.ingest.account.Credentials;
import org.herald.ingest.api.PushplusException;
import org.herald.ingest.audience.Person;
import org.herald.ingest.openapi.Paging;
import org.herald.transport.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** An account's friends (pushplus-api.md §6): the people {@code to} can name by friend token. */
@Service
class FriendService {

    private static final Logger log = LoggerFactory.getLogger(FriendService.class);

    private static final int MAX_QR_CODE = 200;

    private final FriendRepository friends;
    private final AccountDirectory accounts;
    private final EventPublisher publisher;
    private final IngestProperties properties;
    private final Clock clock;

    FriendService(
            FriendRepository friends,
            AccountDirectory accounts,
            EventPublisher publisher,
            IngestProperties properties,
            Clock clock) {
        this.friends = friends;
        this.accounts = accounts;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Makes the person the account's friend and announces it on {@code herald.account-events}
     * ({@code add_friend}). Adding the same identity again answers the same friend and repeats the
     * same event (same event id), so a caller that saw an error can retry.
     */
    Friend add(String accountId, Person person, String qrCode) {
        UUID owner = existingAccount(accountId);
        if (person.accountId() != null) {
            if (person.accountId().equals(owner)) {
                throw PushplusException.invalid("不能添加自己为好友");
            }
            if (accounts.findById(person.accountId()).isEmpty()) {
                throw PushplusException.invalid("accountId对应的账户不存在");
            }
        }
        String code = qrCode == null || qrCode.isBlank() ? null : qrCode.trim();
        if (code != null && code.length() > MAX_QR_CODE) {
            throw PushplusException.invalid("qrCode长度不能超过" + MAX_QR_CODE + "个字符");
        }
        Friend friend = friends.add(owner, person, Credentials.randomHex(16), code, clock.instant());
        FriendAdded added = new FriendAdded(
                "frd_" + friend.id(),
                owner,
                friend.id(),
                friend.token(),
                friend.qrCode(),
                friend.nickName(),
                friend.contacts().openId() == null ? 0 : 1,
                friend.contacts().phone() == null ? 0 : 1,
                friend.contacts().email() == null ? 0 : 2,
                friend.createdAt());
        try {
            publisher.publishAndWait(
                    Topics.ACCOUNT_EVENTS,
                    EventTypes.FRIEND_ADDED,
                    owner.toString(),
                    added.eventId(),
                    added,
                    properties.publishTimeout());
        } catch (RuntimeException e) {
            log.warn("friend {} of account {} not announced: {}", friend.id(), owner, e.toString());
            throw PushplusException.busy();
        }
        log.info("friend {} added to account {}", friend.id(), owner);
        return friend;
    }

    Paging.Page<Friend> list(UUID accountId, Paging.PageRequest request) {
        return request.page(friends.list(accountId, request.offset(), request.size()), friends.count(accountId));
    }

    void delete(UUID accountId, Long friendId) {
        if (friendId == null || !friends.delete(accountId, friendId)) {
            throw PushplusException.invalid("好友不存在");
        }
        log.info("friend {} of account {} deleted", friendId, accountId);
    }

    void editRemark(UUID accountId, long friendId, String remark) {
        if (!friends.editRemark(accountId, friendId, remark)) {
            throw PushplusException.invalid("好友不存在");
        }
    }

    private UUID existingAccount(String accountId) {
        try {
            UUID id = UUID.fromString(accountId);
            if (accounts.findById(id).isPresent()) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below like an unknown account
        }
        throw PushplusException.invalid("账户不存在");
    }
}
