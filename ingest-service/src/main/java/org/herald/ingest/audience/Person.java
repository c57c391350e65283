package org.herald.ingest.audience;

import java.util.UUID;
import org.herald.ingest.api.PushplusException;

/**
 * Someone who joins a topic or becomes a friend, as the admin API describes them: a Herald account,
 * or an external person known by contacts, with the profile pushplus shows.
 *
 * @param accountId the person's own Herald account, or null; its contacts fill in what is missing
 * @param userSex 0 unset, 1 male, 2 female
 */
public record Person(
        UUID accountId, Contacts contacts, String nickName, String headImgUrl, int userSex, String identity) {

    private static final int MAX_NICK_NAME = 64;

    public static Person checked(
            String accountId,
            String openId,
            String wecomUserId,
            String email,
            String phone,
            String nickName,
            String headImgUrl,
            Integer userSex) {
        UUID account = null;
        if (accountId != null && !accountId.isBlank()) {
            try {
                account = UUID.fromString(accountId.trim());
            } catch (IllegalArgumentException e) {
                throw PushplusException.invalid("accountId格式不正确");
            }
        }
        Contacts contacts = Contacts.checked(openId, wecomUserId, email, phone);
        String nick = nickName == null ? "" : nickName.trim();
        if (nick.length() > MAX_NICK_NAME) {
            throw PushplusException.invalid("nickName长度不能超过" + MAX_NICK_NAME + "个字符");
        }
        String avatar = headImgUrl == null || headImgUrl.isBlank() ? null : headImgUrl.trim();
        if (avatar != null) {
            org.herald.ingest.api.HttpAddress.require("headImgUrl", avatar);
        }
        int sex = userSex == null ? 0 : userSex;
        if (sex < 0 || sex > 2) {
            throw PushplusException.invalid("userSex只能是0、1、2");
        }
        return new Person(
                account,
                contacts,
                nick,
                avatar,
                sex,
                Contacts.identity(account == null ? null : account.toString(), contacts));
    }
}
