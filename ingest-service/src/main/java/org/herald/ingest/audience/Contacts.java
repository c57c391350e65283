package org.herald.ingest.audience;

import java.util.regex.Pattern;
import org.herald.ingest.api.PushplusException;

/**
 * Where a person is reached. Each channel needs one of them: wechat the openId, cp the WeCom user
 * id, mail the e-mail address, sms the phone number; webhook none (the remote system decides).
 */
public record Contacts(String openId, String wecomUserId, String email, String phone) {

    public static final Contacts NONE = new Contacts(null, null, null, null);

    private static final Pattern OPEN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern WECOM_USER_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]{1,64}@[^@\\s,;]+\\.[^@\\s,;]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{5,20}");

    /** Blank values are absent; anything else must look like what it claims to be. */
    public static Contacts checked(String openId, String wecomUserId, String email, String phone) {
        Contacts contacts = new Contacts(trim(openId), trim(wecomUserId), trim(email), trim(phone));
        require(contacts.openId, OPEN_ID, "openId格式不正确");
        require(contacts.wecomUserId, WECOM_USER_ID, "wecomUserId格式不正确");
        require(contacts.email, EMAIL, "email格式不正确");
        if (contacts.email != null && contacts.email.length() > 254) {
            throw PushplusException.invalid("email格式不正确");
        }
        require(contacts.phone, PHONE, "phone格式不正确");
        return contacts;
    }

    public boolean isEmpty() {
        return openId == null && wecomUserId == null && email == null && phone == null;
    }

    /** The address the channel needs, or null when this person has not bound it. */
    public String addressFor(String channel) {
        return switch (channel) {
            case "wechat" -> openId;
            case "cp" -> wecomUserId;
            case "mail" -> email;
            case "sms" -> phone;
            default -> null;
        };
    }

    /**
     * The contact column a channel needs; a fixed name, never user input, so it can go into SQL.
     *
     * @throws IllegalArgumentException for a channel that addresses no person (webhook)
     */
    static String column(String channel) {
        return switch (channel) {
            case "wechat" -> "open_id";
            case "cp" -> "wecom_user_id";
            case "mail" -> "email";
            case "sms" -> "phone";
            default -> throw new IllegalArgumentException("channel " + channel + " addresses no person");
        };
    }

    /** What a recipient lacks for the channel, as a delivery's reason says it. */
    public static String missing(String channel) {
        return switch (channel) {
            case "wechat" -> "未绑定微信openId";
            case "cp" -> "未绑定企业微信用户ID";
            case "mail" -> "未绑定邮箱";
            case "sms" -> "未绑定手机号";
            default -> "没有可用的联系方式";
        };
    }

    /**
     * The identity of a person within a topic or a friend list: their Herald account, else their
     * first contact. Joining twice with the same identity is one subscription.
     */
    static String identity(String accountId, Contacts contacts) {
        if (accountId != null) {
            return "account:" + accountId;
        }
        if (contacts.openId != null) {
            return "openid:" + contacts.openId;
        }
        if (contacts.wecomUserId != null) {
            return "wecom:" + contacts.wecomUserId;
        }
        if (contacts.email != null) {
            return "email:" + contacts.email.toLowerCase(java.util.Locale.ROOT);
        }
        if (contacts.phone != null) {
            return "phone:" + contacts.phone;
        }
        throw PushplusException.invalid("需要accountId或至少一种联系方式（openId、wecomUserId、email、phone）");
    }

    private static void require(String value, Pattern pattern, String message) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw PushplusException.invalid(message);
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
