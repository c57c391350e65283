package org.herald.ingest.audience;

/**
 * What the admin API receives for someone who joins a topic or becomes a friend.
 *
 * @param accountId the person's own Herald account, if they have one
 * @param userSex 0 unset, 1 male, 2 female
 * @param qrCode friends only: the custom string echoed in {@code add_friend}
 */
public record PersonRequest(
        String accountId,
        String openId,
        String wecomUserId,
        String email,
        String phone,
        String nickName,
        String headImgUrl,
        Integer userSex,
        String qrCode) {

    public static final PersonRequest EMPTY = new PersonRequest(null, null, null, null, null, null, null, null, null);

    public Person person() {
        return Person.checked(accountId, openId, wecomUserId, email, phone, nickName, headImgUrl, userSex);
    }
}
