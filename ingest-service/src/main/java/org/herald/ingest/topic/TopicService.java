package org.herald.ingest.topic;

import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;
import org.herald.events.account.TopicMemberAdded;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.ingest.IngestProperties;
import org.herald.ingest.account.AccountDirectory;
import org.herald.ingest.api.PushplusException;
import org.herald.ingest.audience.Person;
import org.herald.ingest.openapi.Paging;
import org.herald.transport.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Topics, their subscribers, joining and leaving (pushplus-api.md §6). */
@Service
class TopicService {

    private static final Logger log = LoggerFactory.getLogger(TopicService.class);

    /**
     * Codes travel as the {@code topic} parameter of /send and in admin API paths: no spaces, commas
     * or characters that end a URL path segment.
     */
    private static final Pattern CODE = Pattern.compile("[^\\s,/?#%]{1,64}");

    private final TopicRepository topics;
    private final AccountDirectory accounts;
    private final EventPublisher publisher;
    private final IngestProperties properties;
    private final Clock clock;

    TopicService(
            TopicRepository topics,
            AccountDirectory accounts,
            EventPublisher publisher,
            IngestProperties properties,
            Clock clock) {
        this.topics = topics;
        this.accounts = accounts;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    long add(UUID accountId, TopicRequest request) {
        TopicFields fields = new TopicFields(
                code(request.topicCode()),
                name(request.topicName()),
                text("contact", request.contact(), 100),
                text("introduction", request.introduction(), 1000),
                text("receiptMessage", request.receiptMessage(), 1000));
        long id = topics.insert(accountId, fields, clock.instant())
                .orElseThrow(() -> PushplusException.invalid("群组编码已存在: " + fields.code()));
        log.info("topic {} ({}) created by account {}", id, fields.code(), accountId);
        return id;
    }

    /** Changes only what the request carries. */
    void edit(UUID accountId, Long topicId, TopicRequest request) {
        Topic topic = own(accountId, topicId);
        Topic edited = new Topic(
                topic.id(),
                topic.accountId(),
                request.topicCode() == null ? topic.code() : code(request.topicCode()),
                request.topicName() == null ? topic.name() : name(request.topicName()),
                request.contact() == null ? topic.contact() : text("contact", request.contact(), 100),
                request.introduction() == null
                        ? topic.introduction()
                        : text("introduction", request.introduction(), 1000),
                request.receiptMessage() == null
                        ? topic.receiptMessage()
                        : text("receiptMessage", request.receiptMessage(), 1000),
                topic.createdAt());
        if (!topics.update(edited)) {
            throw PushplusException.invalid("群组编码已存在: " + edited.code());
        }
    }

    void delete(UUID accountId, Long topicId) {
        if (topicId == null || !topics.delete(accountId, topicId)) {
            throw PushplusException.invalid("群组不存在");
        }
        log.info("topic {} deleted by account {}", topicId, accountId);
    }

    Topic own(UUID accountId, Long topicId) {
        if (topicId == null) {
            throw PushplusException.invalid("topicId不能为空");
        }
        // Someone else's topic is "not found" too.
        return topics.find(accountId, topicId).orElseThrow(() -> PushplusException.invalid("群组不存在"));
    }

    long activeCount(long topicId) {
        return topics.countActive(topicId);
    }

    /** @param topicType 0 (or absent) the account's own topics, 1 the topics it joined */
    Paging.Page<TopicRepository.Listed> list(UUID accountId, Paging.PageRequest request) {
        String type = request.param("topicType");
        if (type == null || type.isEmpty() || type.equals("0")) {
            return request.page(
                    topics.listCreated(accountId, request.offset(), request.size()), topics.countCreated(accountId));
        }
        if (type.equals("1")) {
            return request.page(
                    topics.listJoined(accountId, request.offset(), request.size()), topics.countJoined(accountId));
        }
        throw PushplusException.invalid("topicType只能是0（我创建的）或1（我加入的）");
    }

    TopicRepository.Listed joined(UUID accountId, Long topicId) {
        if (topicId == null) {
            throw PushplusException.invalid("topicId不能为空");
        }
        return topics.joined(accountId, topicId).orElseThrow(() -> PushplusException.invalid("未加入该群组"));
    }

    /** The account, as a subscriber, leaves the topic. */
    void exit(UUID accountId, Long topicId) {
        if (topicId == null) {
            throw PushplusException.invalid("topicId不能为空");
        }
        long relationId =
                topics.activeSubscription(accountId, topicId).orElseThrow(() -> PushplusException.invalid("未加入该群组"));
        topics.end(relationId, Subscriber.LEFT, clock.instant());
    }

    Paging.Page<Subscriber> subscribers(UUID accountId, Paging.PageRequest request) {
        String topicId = request.param("topicId");
        Topic topic = own(accountId, number("topicId", topicId));
        return request.page(
                topics.subscribers(topic.id(), request.offset(), request.size()), topics.countActive(topic.id()));
    }

    /** The owner removes a subscriber. */
    void removeSubscriber(UUID accountId, Long relationId) {
        if (relationId == null) {
            throw PushplusException.invalid("topicRelationId不能为空");
        }
        topics.topicOfSubscription(accountId, relationId)
                .filter(topicId -> topics.end(relationId, Subscriber.REMOVED, clock.instant()))
                .orElseThrow(() -> PushplusException.invalid("订阅者不存在"));
    }

    /** The owner's note on a subscriber of one of their topics, shown in the subscriber list. */
    void editRemark(UUID accountId, long relationId, String remark) {
        if (!topics.editRemark(accountId, relationId, remark, clock.instant())) {
            throw PushplusException.invalid("订阅者不存在");
        }
    }

    /**
     * Subscribes someone to the owner's topic and announces it on {@code herald.account-events}
     * ({@code add_topic_user}). Joining again with the same identity is the same subscription: the
     * answer and the event (same event id) repeat, so a caller that saw an error can simply retry.
     */
    Subscriber join(String ownerAccountId, String topicCode, Person person) {
        UUID owner = existingAccount(ownerAccountId);
        Topic topic =
                topics.findByCode(owner, topicCode).orElseThrow(() -> PushplusException.invalid("群组不存在: " + topicCode));
        if (person.accountId() != null && accounts.findById(person.accountId()).isEmpty()) {
            throw PushplusException.invalid("accountId对应的账户不存在");
        }
        Subscriber subscriber = topics.join(topic.id(), person, clock.instant());
        TopicMemberAdded added = new TopicMemberAdded(
                "tmu_" + subscriber.id() + "_" + subscriber.joinedAt().toEpochMilli(),
                owner,
                subscriber.id(),
                topic.id(),
                topic.code(),
                topic.name(),
                subscriber.contacts().openId() == null
                        ? ""
                        : subscriber.contacts().openId(),
                subscriber.nickName(),
                subscriber.headImgUrl(),
                subscriber.userSex(),
                isFollow(subscriber),
                subscriber.contacts().phone() == null ? 0 : 1,
                emailStatus(subscriber.contacts().email()),
                subscriber.joinedAt());
        try {
            publisher.publishAndWait(
                    Topics.ACCOUNT_EVENTS,
                    EventTypes.TOPIC_MEMBER_ADDED,
                    owner.toString(),
                    added.eventId(),
                    added,
                    properties.publishTimeout());
        } catch (RuntimeException e) {
            log.warn("topic member {} of topic {} not announced: {}", subscriber.id(), topic.id(), e.toString());
            throw PushplusException.busy();
        }
        log.info("subscription {} to topic {} of account {} active", subscriber.id(), topic.id(), owner);
        return subscriber;
    }

    /** The operator ends a subscription on the subscriber's behalf (they left). */
    void leave(String ownerAccountId, String topicCode, Long relationId) {
        UUID owner = existingAccount(ownerAccountId);
        Topic topic =
                topics.findByCode(owner, topicCode).orElseThrow(() -> PushplusException.invalid("群组不存在: " + topicCode));
        if (relationId == null
                || topics.subscriber(topic.id(), relationId).isEmpty()
                || !topics.end(relationId, Subscriber.LEFT, clock.instant())) {
            throw PushplusException.invalid("订阅者不存在");
        }
    }

    static int isFollow(Subscriber subscriber) {
        return subscriber.contacts().openId() == null ? 0 : 1;
    }

    /** Contacts come from the operator, who vouches for them: a given e-mail counts as verified. */
    static int emailStatus(String email) {
        return email == null ? 0 : 2;
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

    static Long number(String field, String value) {
        if (value == null || value.isBlank()) {
            throw PushplusException.invalid(field + "不能为空");
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw PushplusException.invalid(field + "必须是数字");
        }
    }

    private static String code(String value) {
        if (value == null || value.isBlank()) {
            throw PushplusException.invalid("topicCode不能为空");
        }
        String code = value.trim();
        if (!CODE.matcher(code).matches()) {
            throw PushplusException.invalid("topicCode最长64个字符，不能包含空白、逗号和/?#%");
        }
        return code;
    }

    private static String name(String value) {
        if (value == null || value.isBlank()) {
            throw PushplusException.invalid("topicName不能为空");
        }
        return text("topicName", value, 100);
    }

    private static String text(String field, String value, int max) {
        String text = value == null ? "" : value.trim();
        if (text.codePointCount(0, text.length()) > max) {
            throw PushplusException.invalid(field + "长度不能超过" + max + "个字符");
        }
        return text;
    }

    /** What the open API and the admin API send to create or edit a topic. */
    record TopicRequest(
            Long topic,
            Long topicId,
            String topicCode,
            String topicName,
            String contact,
            String introduction,
            String receiptMessage) {

        Long id() {
            return topic != null ? topic : topicId;
        }
    }
}
