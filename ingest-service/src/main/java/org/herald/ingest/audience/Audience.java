package org.herald.ingest.audience;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.herald.ingest.api.Channels;
import org.herald.ingest.api.PushplusException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who a message reaches (pushplus-api.md §1.4): the owner, a topic's active subscribers, or the
 * friends named in {@code to}, each with the address the channel needs when they have bound one.
 */
@Service
public class Audience implements RecipientCheck {

    private final JdbcClient jdbc;
    private final OwnerContactsRepository owners;

    Audience(JdbcClient jdbc, OwnerContactsRepository owners) {
        this.jdbc = jdbc;
        this.owners = owners;
    }

    /** A recipient and the address the channel needs; address null when they have not bound it. */
    public record Addressed(String id, String address) {}

    public Contacts owner(UUID accountId) {
        return owners.find(accountId);
    }

    /** Every active subscriber of the account's topic, in subscription order; empty for an unknown topic. */
    public List<Addressed> topicMembers(UUID accountId, String topicCode, String channel) {
        String column = Contacts.column(channel);
        // A subscriber that is a Herald account gets what its own row lacks from the account's contacts.
        return jdbc.sql(
                        """
                        select s.id, coalesce(s.%1$s, c.%1$s) as address
                        from topics t
                        join topic_subscribers s on s.topic_id = t.id and s.state = 'ACTIVE'
                        left join account_contacts c on c.account_id = s.subscriber_account_id
                        where t.account_id = :accountId and t.topic_code = :code
                        order by s.id
                        """
                                .formatted(column))
                .param("accountId", accountId)
                .param("code", topicCode)
                .query((rs, row) -> new Addressed(Long.toString(rs.getLong("id")), rs.getString("address")))
                .list();
    }

    /** The account's friends among the tokens, in token order; unknown tokens are left out. */
    public List<Addressed> friends(UUID accountId, List<String> tokens, String channel) {
        List<String> wanted = normalised(tokens);
        if (wanted.isEmpty()) {
            return List.of();
        }
        String column = Contacts.column(channel);
        java.util.Map<String, String> found = new java.util.HashMap<>();
        jdbc.sql(
                        """
                        select f.friend_token, coalesce(f.%1$s, c.%1$s) as address
                        from friends f
                        left join account_contacts c on c.account_id = f.friend_account_id
                        where f.account_id = :accountId and f.friend_token in (:tokens)
                        """
                                .formatted(column))
                .param("accountId", accountId)
                .param("tokens", wanted)
                .query((rs, row) -> found.put(rs.getString("friend_token"), rs.getString("address")))
                .list();
        return wanted.stream()
                .filter(found::containsKey)
                .map(token -> new Addressed(token, found.get(token)))
                .toList();
    }

    @Override
    public void check(UUID accountId, String channel, String topic, List<String> to) {
        if (Channels.WEBHOOK.equals(channel) || !Channels.KNOWN.contains(channel)) {
            return; // the remote system decides who reads a webhook
        }
        if (topic != null && !topic.isBlank()) {
            String code = topic.trim();
            if (!topicExists(accountId, code)) {
                throw PushplusException.invalid("群组不存在: " + shown(code));
            }
            if (!anyReachableMember(accountId, code, channel)) {
                throw PushplusException.invalid("无用户接收消息（群组" + shown(code) + "没有" + reachable(channel) + "的订阅者）");
            }
            return;
        }
        if (to != null && !to.isEmpty()) {
            if ("cp".equals(channel)) {
                return; // WeCom user ids, not friends
            }
            if (friends(accountId, to, channel).stream().noneMatch(friend -> friend.address() != null)) {
                throw PushplusException.invalid("无用户接收消息（to中没有" + reachable(channel) + "的好友）");
            }
            return;
        }
        if ("cp".equals(channel)) {
            return; // the WeCom app's own receiver list
        }
        if (owner(accountId).addressFor(channel) == null) {
            throw PushplusException.invalid("无用户接收消息（账户" + Contacts.missing(channel) + "）");
        }
    }

    private boolean topicExists(UUID accountId, String code) {
        return jdbc.sql("select exists (select 1 from topics where account_id = :accountId and topic_code = :code)")
                .param("accountId", accountId)
                .param("code", code)
                .query(Boolean.class)
                .single();
    }

    private boolean anyReachableMember(UUID accountId, String code, String channel) {
        String column = Contacts.column(channel);
        return jdbc.sql(
                        """
                        select exists (
                            select 1 from topics t
                            join topic_subscribers s on s.topic_id = t.id and s.state = 'ACTIVE'
                            left join account_contacts c on c.account_id = s.subscriber_account_id
                            where t.account_id = :accountId and t.topic_code = :code
                              and coalesce(s.%1$s, c.%1$s) is not null)
                        """
                                .formatted(column))
                .param("accountId", accountId)
                .param("code", code)
                .query(Boolean.class)
                .single();
    }

    /** Friend tokens as stored: lowercase, de-duplicated, in the order given. */
    public static List<String> normalised(List<String> tokens) {
        if (tokens == null) {
            return List.of();
        }
        return tokens.stream()
                .filter(token -> token != null && !token.isBlank())
                .map(token -> token.trim().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    private static String reachable(String channel) {
        return Contacts.missing(channel).replace("未绑定", "已绑定");
    }

    private static String shown(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }
}
