package org.herald.ingest.audience;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account owner's own contacts, used when a message is sent to oneself. */
@Repository
class OwnerContactsRepository {

    private final JdbcClient jdbc;

    OwnerContactsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the owner's contacts (absent values clear the stored ones). */
    void put(UUID accountId, Contacts contacts, String nickName, Instant now) {
        jdbc.sql(
                        """
                        insert into account_contacts (account_id, open_id, wecom_user_id, email, phone, nick_name,
                                                      updated_at)
                        values (:accountId, :openId, :wecomUserId, :email, :phone, :nickName, :now)
                        on conflict (account_id) do update set
                            open_id = excluded.open_id, wecom_user_id = excluded.wecom_user_id,
                            email = excluded.email, phone = excluded.phone, nick_name = excluded.nick_name,
                            updated_at = excluded.updated_at
                        """)
                .param("accountId", accountId)
                .param("openId", contacts.openId())
                .param("wecomUserId", contacts.wecomUserId())
                .param("email", contacts.email())
                .param("phone", contacts.phone())
                .param("nickName", nickName)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    Contacts find(UUID accountId) {
        return jdbc.sql("select open_id, wecom_user_id, email, phone from account_contacts where account_id = :id")
                .param("id", accountId)
                .query((rs, row) -> new Contacts(
                        rs.getString("open_id"),
                        rs.getString("wecom_user_id"),
                        rs.getString("email"),
                        rs.getString("phone")))
                .optional()
                .orElse(Contacts.NONE);
    }
}
