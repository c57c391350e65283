package org.herald.ingest.friend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.herald.ingest.api.Envelope;
import org.herald.ingest.api.PushplusException;
import org.herald.ingest.audience.PersonRequest;
import org.herald.ingest.audience.RemarkRequest;
import org.herald.ingest.openapi.AccessKeyService;
import org.herald.ingest.openapi.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pushplus open API of friends ({@code access-key}), and the admin API that adds a friend on
 * someone's behalf until friends scan the account's QR code with WeChat (channel-wechat).
 */
@RestController
class FriendController {

    static final String QR_NOT_AVAILABLE = "暂未开放: 扫码添加好友需要微信公众号渠道(channel-wechat)，目前请由管理员通过管理API添加好友";

    private final AccessKeyService accessKeys;
    private final FriendService friends;

    FriendController(AccessKeyService accessKeys, FriendService friends) {
        this.accessKeys = accessKeys;
        this.friends = friends;
    }

    @PostMapping("/api/admin/accounts/{accountId}/friends")
    Envelope add(@PathVariable String accountId, @RequestBody(required = false) PersonRequest request) {
        PersonRequest body = request == null ? PersonRequest.EMPTY : request;
        Friend friend = friends.add(accountId, body.person(), body.qrCode());
        return Envelope.executed(row(friend));
    }

    @GetMapping("/api/open/friend/getQrCode")
    Envelope getQrCode(@RequestHeader(name = "access-key", required = false) String accessKey) {
        accessKeys.authenticate(accessKey);
        throw PushplusException.invalid(QR_NOT_AVAILABLE);
    }

    @PostMapping("/api/open/friend/list")
    Envelope list(
            @RequestHeader(name = "access-key", required = false) String accessKey,
            @RequestBody(required = false) Paging.PageRequest request) {
        UUID accountId = accessKeys.authenticate(accessKey);
        Paging.Page<Friend> page = friends.list(accountId, Paging.PageRequest.orDefault(request));
        return Envelope.executed(page.map(FriendController::row));
    }

    @GetMapping("/api/open/friend/deleteFriend")
    Envelope deleteFriend(
            @RequestHeader(name = "access-key", required = false) String accessKey,
            @RequestParam(required = false) String friendId) {
        UUID accountId = accessKeys.authenticate(accessKey);
        friends.delete(accountId, number("friendId", friendId));
        return Envelope.executed(null);
    }

    @PostMapping("/api/open/friend/editRemark")
    Envelope editRemark(
            @RequestHeader(name = "access-key", required = false) String accessKey,
            @RequestBody(required = false) RemarkRequest request) {
        UUID accountId = accessKeys.authenticate(accessKey);
        RemarkRequest body = request == null ? RemarkRequest.EMPTY : request;
        friends.editRemark(accountId, body.checkedId(), body.checkedRemark());
        return Envelope.executed(null);
    }

    /** pushplus's friend row. {@code id} and {@code friendId} are both the relation id in Herald. */
    private static Map<String, Object> row(Friend friend) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", friend.id());
        row.put("friendId", friend.id());
        row.put("token", friend.token());
        row.put("headImgUrl", friend.headImgUrl());
        row.put("nickName", friend.nickName());
        row.put("emailStatus", friend.contacts().email() == null ? 0 : 2);
        row.put("havePhone", friend.contacts().phone() == null ? 0 : 1);
        row.put("isFollow", friend.contacts().openId() == null ? 0 : 1);
        row.put("remark", friend.remark());
        row.put("createTime", Paging.time(friend.createdAt()));
        return row;
    }

    private static Long number(String field, String value) {
        if (value == null || value.isBlank()) {
            throw PushplusException.invalid(field + "不能为空");
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw PushplusException.invalid(field + "必须是数字");
        }
    }
}
