package org.herald.ingest.friend;

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

/** An account's friends in PostgreSQL. */
@Repository
class FriendRepository {

    private static final String SELECT =
            """
            select f.id, f.account_id, f.friend_token, f.friend_account_id, f.nick_name, f.head_img_url, f.remark,
                   f.qr_code, f.created_at,
                   coalesce(f.open_id, c.open_id) as open_id,
                   coalesce(f.wecom_user_id, c.wecom_user_id) as wecom_user_id,
                   coalesce(f.email, c.email) as email, coalesce(f.phone, c.phone) as phone
            from friends f
            left join account_contacts c on c.account_id = f.friend_account_id
            """;

    private final JdbcClient jdbc;

    FriendRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the friend, or updates the friend of the same identity (contacts given replace stored
     * ones; the token and creation time stay).
     */
    Friend add(UUID accountId, Person person, String newToken, String qrCode, Instant now) {
        Contacts contacts = person.contacts();
        long id = jdbc.sql(
                        """
                        insert into friends (account_id, friend_token, friend_key, friend_account_id, open_id,
                                             wecom_user_id, email, phone, nick_name, head_img_url, qr_code, created_at)
                        values (:accountId, :token, :key, :friendAccountId, :openId, :wecomUserId, :email, :phone,
                                :nickName, :headImgUrl, :qrCode, :now)
                        on conflict (account_id, friend_key) do update set
                            open_id = coalesce(excluded.open_id, friends.open_id),
                            wecom_user_id = coalesce(excluded.wecom_user_id, friends.wecom_user_id),
                            email = coalesce(excluded.email, friends.email),
                            phone = coalesce(excluded.phone, friends.phone),
                            nick_name = case when excluded.nick_name = '' then friends.nick_name
                                             else excluded.nick_name end,
                            head_img_url = coalesce(excluded.head_img_url, friends.head_img_url)
                        returning id
                        """)
                .param("accountId", accountId)
                .param("token", newToken)
                .param("key", person.identity())
                .param("friendAccountId", person.accountId())
                .param("openId", contacts.openId())
                .param("wecomUserId", contacts.wecomUserId())
                .param("email", contacts.email())
                .param("phone", contacts.phone())
                .param("nickName", person.nickName())
                .param("headImgUrl", person.headImgUrl())
                .param("qrCode", qrCode)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
        return find(accountId, id).orElseThrow();
    }

    Optional<Friend> find(UUID accountId, long id) {
        return jdbc.sql(SELECT + " where f.id = :id and f.account_id = :accountId")
                .param("id", id)
                .param("accountId", accountId)
                .query(FriendRepository::friend)
                .optional();
    }

    long count(UUID accountId) {
        return jdbc.sql("select count(*) from friends where account_id = :accountId")
                .param("accountId", accountId)
                .query(Long.class)
                .single();
    }

    List<Friend> list(UUID accountId, long offset, int limit) {
        return jdbc.sql(SELECT + " where f.account_id = :accountId order by f.id offset :offset limit :limit")
                .param("accountId", accountId)
                .param("offset", offset)
                .param("limit", limit)
                .query(FriendRepository::friend)
                .list();
    }

    boolean delete(UUID accountId, long id) {
        return jdbc.sql("delete from friends where id = :id and account_id = :accountId")
                        .param("id", id)
                        .param("accountId", accountId)
                        .update()
                == 1;
    }

    boolean editRemark(UUID accountId, long id, String remark) {
        return jdbc.sql("update friends set remark = :remark where id = :id and account_id = :accountId")
                        .param("id", id)
                        .param("accountId", accountId)
                        .param("remark", remark)
                        .update()
                == 1;
    }

    private static Friend friend(ResultSet rs, int row) throws SQLException {
        return new Friend(
                rs.getLong("id"),
                rs.getObject("account_id", UUID.class),
                rs.getString("friend_token"),
                rs.getObject("friend_account_id", UUID.class),
                new Contacts(
                        rs.getString("open_id"),
                        rs.getString("wecom_user_id"),
                        rs.getString("email"),
                        rs.getString("phone")),
                rs.getString("nick_name"),
                rs.getString("head_img_url"),
                rs.getString("remark"),
                rs.getString("qr_code"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
