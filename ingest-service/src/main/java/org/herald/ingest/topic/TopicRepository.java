package org.herald.ingest.topic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.herald.ingest.audience.Contacts;
import org.herald.ingest.audience.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Topics and their subscriptions in PostgreSQL. */
@Repository
class TopicRepository {

    private final JdbcClient jdbc;

    TopicRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new topic's id, or empty when the account already has the code */
    Optional<Long> insert(UUID accountId, TopicFields fields, Instant now) {
        return jdbc.sql(
                        """
                        insert into topics (account_id, topic_code, name, contact, introduction, receipt_message,
                                            created_at)
                        values (:accountId, :code, :name, :contact, :introduction, :receiptMessage, :now)
                        on conflict (account_id, topic_code) do nothing
                        returning id
                        """)
                .param("accountId", accountId)
                .param("code", fields.code())
                .param("name", fields.name())
                .param("contact", fields.contact())
                .param("introduction", fields.introduction())
                .param("receiptMessage", fields.receiptMessage())
                .param("now", utc(now))
                .query(Long.class)
                .optional();
    }

    /** @return false when another topic of the account has the new code */
    boolean update(Topic topic) {
        boolean taken = jdbc.sql(
                        "select exists (select 1 from topics where account_id = :a and topic_code = :c and id <> :id)")
                .param("a", topic.accountId())
                .param("c", topic.code())
                .param("id", topic.id())
                .query(Boolean.class)
                .single();
        if (taken) {
            return false;
        }
        jdbc.sql(
                        """
                        update topics set topic_code = :code, name = :name, contact = :contact,
                                          introduction = :introduction, receipt_message = :receiptMessage
                        where id = :id and account_id = :accountId
                        """)
                .param("id", topic.id())
                .param("accountId", topic.accountId())
                .param("code", topic.code())
                .param("name", topic.name())
                .param("contact", topic.contact())
                .param("introduction", topic.introduction())
                .param("receiptMessage", topic.receiptMessage())
                .update();
        return true;
    }

    boolean delete(UUID accountId, long topicId) {
        return jdbc.sql("delete from topics where id = :id and account_id = :accountId")
                        .param("id", topicId)
                        .param("accountId", accountId)
                        .update()
                == 1;
    }

    Optional<Topic> find(UUID accountId, long topicId) {
        return jdbc.sql("select * from topics where id = :id and account_id = :accountId")
                .param("id", topicId)
                .param("accountId", accountId)
                .query(TopicRepository::topic)
                .optional();
    }

    Optional<Topic> findByCode(UUID accountId, String code) {
        return jdbc.sql("select * from topics where topic_code = :code and account_id = :accountId")
                .param("code", code)
                .param("accountId", accountId)
                .query(TopicRepository::topic)
                .optional();
    }

    long countCreated(UUID accountId) {
        return jdbc.sql("select count(*) from topics where account_id = :accountId")
                .param("accountId", accountId)
                .query(Long.class)
                .single();
    }

    List<Listed> listCreated(UUID accountId, long offset, int limit) {
        return jdbc.sql(
                        """
                        select t.*, t.created_at as listed_at,
                               (select count(*) from topic_subscribers s
                                where s.topic_id = t.id and s.state = 'ACTIVE') as user_count
                        from topics t where t.account_id = :accountId
                        order by t.id desc offset :offset limit :limit
                        """)
                .param("accountId", accountId)
                .param("offset", offset)
                .param("limit", limit)
                .query(TopicRepository::listed)
                .list();
    }

    long countJoined(UUID subscriberAccountId) {
        return jdbc.sql("select count(*) from topic_subscribers where subscriber_account_id = :a and state = 'ACTIVE'")
                .param("a", subscriberAccountId)
                .query(Long.class)
                .single();
    }

    /** Topics the account subscribed to as a Herald user; {@code listed_at} is the join time. */
    List<Listed> listJoined(UUID subscriberAccountId, long offset, int limit) {
        return jdbc.sql(
                        """
                        select t.*, s.joined_at as listed_at,
                               (select count(*) from topic_subscribers o
                                where o.topic_id = t.id and o.state = 'ACTIVE') as user_count
                        from topic_subscribers s join topics t on t.id = s.topic_id
                        where s.subscriber_account_id = :a and s.state = 'ACTIVE'
                        order by s.id desc offset :offset limit :limit
                        """)
                .param("a", subscriberAccountId)
                .param("offset", offset)
                .param("limit", limit)
                .query(TopicRepository::listed)
                .list();
    }

    Optional<Listed> joined(UUID subscriberAccountId, long topicId) {
        return jdbc.sql(
                        """
                        select t.*, s.joined_at as listed_at,
                               (select count(*) from topic_subscribers o
                                where o.topic_id = t.id and o.state = 'ACTIVE') as user_count
                        from topic_subscribers s join topics t on t.id = s.topic_id
                        where s.subscriber_account_id = :a and s.topic_id = :topicId and s.state = 'ACTIVE'
                        """)
                .param("a", subscriberAccountId)
                .param("topicId", topicId)
                .query(TopicRepository::listed)
                .optional();
    }

    long countActive(long topicId) {
        return jdbc.sql("select count(*) from topic_subscribers where topic_id = :id and state = 'ACTIVE'")
                .param("id", topicId)
                .query(Long.class)
                .single();
    }

    /** Active subscribers, oldest first; the contacts shown are the row's completed by the account's own. */
    List<Subscriber> subscribers(long topicId, long offset, int limit) {
        return jdbc.sql(
                        """
                        select s.id, s.topic_id, s.subscriber_account_id, s.nick_name, s.head_img_url, s.user_sex,
                               s.remark, s.state, s.joined_at,
                               coalesce(s.open_id, c.open_id) as open_id,
                               coalesce(s.wecom_user_id, c.wecom_user_id) as wecom_user_id,
                               coalesce(s.email, c.email) as email, coalesce(s.phone, c.phone) as phone
                        from topic_subscribers s
                        left join account_contacts c on c.account_id = s.subscriber_account_id
                        where s.topic_id = :id and s.state = 'ACTIVE'
                        order by s.id offset :offset limit :limit
                        """)
                .param("id", topicId)
                .param("offset", offset)
                .param("limit", limit)
                .query(TopicRepository::subscriber)
                .list();
    }

    Optional<Subscriber> subscriber(long topicId, long relationId) {
        return jdbc.sql(
                        """
                        select s.*, s.subscriber_account_id from topic_subscribers s
                        where s.id = :id and s.topic_id = :topicId
                        """)
                .param("id", relationId)
                .param("topicId", topicId)
                .query(TopicRepository::subscriber)
                .optional();
    }

    /** The subscription's topic when it belongs to the owner. */
    Optional<Long> topicOfSubscription(UUID ownerAccountId, long relationId) {
        return jdbc.sql(
                        """
                        select s.topic_id from topic_subscribers s join topics t on t.id = s.topic_id
                        where s.id = :id and t.account_id = :owner
                        """)
                .param("id", relationId)
                .param("owner", ownerAccountId)
                .query(Long.class)
                .optional();
    }

    /**
     * Subscribes the person, or updates the existing subscription of the same identity: contacts
     * given replace stored ones, an inactive subscription becomes active again with a new join time.
     */
    Subscriber join(long topicId, Person person, Instant now) {
        Contacts contacts = person.contacts();
        return jdbc.sql(
                        """
                        insert into topic_subscribers (topic_id, subscriber_key, subscriber_account_id, open_id,
                                                       wecom_user_id, email, phone, nick_name, head_img_url, user_sex,
                                                       state, joined_at, updated_at)
                        values (:topicId, :key, :accountId, :openId, :wecomUserId, :email, :phone, :nickName,
                                :headImgUrl, :userSex, 'ACTIVE', :now, :now)
                        on conflict (topic_id, subscriber_key) do update set
                            open_id = coalesce(excluded.open_id, topic_subscribers.open_id),
                            wecom_user_id = coalesce(excluded.wecom_user_id, topic_subscribers.wecom_user_id),
                            email = coalesce(excluded.email, topic_subscribers.email),
                            phone = coalesce(excluded.phone, topic_subscribers.phone),
                            nick_name = case when excluded.nick_name = '' then topic_subscribers.nick_name
                                             else excluded.nick_name end,
                            head_img_url = coalesce(excluded.head_img_url, topic_subscribers.head_img_url),
                            user_sex = case when excluded.user_sex = 0 then topic_subscribers.user_sex
                                            else excluded.user_sex end,
                            joined_at = case when topic_subscribers.state = 'ACTIVE' then topic_subscribers.joined_at
                                             else excluded.joined_at end,
                            state = 'ACTIVE',
                            updated_at = excluded.updated_at
                        returning *
                        """)
                .param("topicId", topicId)
                .param("key", person.identity())
                .param("accountId", person.accountId())
                .param("openId", contacts.openId())
                .param("wecomUserId", contacts.wecomUserId())
                .param("email", contacts.email())
                .param("phone", contacts.phone())
                .param("nickName", person.nickName())
                .param("headImgUrl", person.headImgUrl())
                .param("userSex", person.userSex())
                .param("now", utc(now))
                .query(TopicRepository::subscriber)
                .single();
    }

    /** Ends an active subscription; false when there was none. */
    boolean end(long relationId, String state, Instant now) {
        return jdbc.sql(
                                """
                        update topic_subscribers set state = :state, updated_at = :now
                        where id = :id and state = 'ACTIVE'
                        """)
                        .param("id", relationId)
                        .param("state", state)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    /** @return false when the owner has no active subscriber of that id */
    boolean editRemark(UUID ownerAccountId, long relationId, String remark, Instant now) {
        return jdbc.sql(
                                """
                        update topic_subscribers s set remark = :remark, updated_at = :now
                        from topics t
                        where s.id = :id and t.id = s.topic_id and t.account_id = :owner and s.state = 'ACTIVE'
                        """)
                        .param("id", relationId)
                        .param("owner", ownerAccountId)
                        .param("remark", remark)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    /** The active subscription of a Herald account to a topic. */
    Optional<Long> activeSubscription(UUID subscriberAccountId, long topicId) {
        return jdbc.sql(
                        """
                        select id from topic_subscribers
                        where subscriber_account_id = :a and topic_id = :topicId and state = 'ACTIVE'
                        """)
                .param("a", subscriberAccountId)
                .param("topicId", topicId)
                .query(Long.class)
                .optional();
    }

    /** A topic in a list, with when it was created (own) or joined, and its active subscriber count. */
    record Listed(Topic topic, Instant listedAt, long userCount) {}

    private static Topic topic(ResultSet rs, int row) throws SQLException {
        return new Topic(
                rs.getLong("id"),
                rs.getObject("account_id", UUID.class),
                rs.getString("topic_code"),
                rs.getString("name"),
                rs.getString("contact"),
                rs.getString("introduction"),
                rs.getString("receipt_message"),
                instant(rs, "created_at"));
    }

    private static Listed listed(ResultSet rs, int row) throws SQLException {
        return new Listed(topic(rs, row), instant(rs, "listed_at"), rs.getLong("user_count"));
    }

    private static Subscriber subscriber(ResultSet rs, int row) throws SQLException {
        return new Subscriber(
                rs.getLong("id"),
                rs.getLong("topic_id"),
                rs.getObject("subscriber_account_id", UUID.class),
                new Contacts(
                        rs.getString("open_id"),
                        rs.getString("wecom_user_id"),
                        rs.getString("email"),
                        rs.getString("phone")),
                rs.getString("nick_name"),
                rs.getString("head_img_url"),
                rs.getInt("user_sex"),
                rs.getString("remark"),
                rs.getString("state"),
                instant(rs, "joined_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
