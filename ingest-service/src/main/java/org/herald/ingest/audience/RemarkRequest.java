package org.herald.ingest.audience;

import org.herald.ingest.api.PushplusException;

/**
 * The body of pushplus's {@code editRemark} for a friend or a topic subscriber: the owner's own note
 * on that person, at most 20 characters (the column's width).
 *
 * @param id the friend's or the subscription's id ({@code topicRelationId})
 */
public record RemarkRequest(Long id, String remark) {

    public static final RemarkRequest EMPTY = new RemarkRequest(null, null);

    private static final int MAX_REMARK = 20;

    /** @throws PushplusException when the id is missing */
    public long checkedId() {
        if (id == null) {
            throw PushplusException.invalid("id不能为空");
        }
        return id;
    }

    /** The remark trimmed, an absent one as empty. @throws PushplusException when it is too long */
    public String checkedRemark() {
        String text = remark == null ? "" : remark.trim();
        if (text.codePointCount(0, text.length()) > MAX_REMARK) {
            throw PushplusException.invalid("remark长度不能超过" + MAX_REMARK + "个字符");
        }
        return text;
    }
}
