package org.herald.callback.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The record of callbacks, for operators (guarded by {@link AdminKeyInterceptor}; reached through
 * the gateway's {@code /api/callback/**}).
 */
@RestController
@RequestMapping("/api/callback")
class CallbackApiController {

    static final int MAX_PAGE_SIZE = 50;

    private final AttemptQueries queries;

    CallbackApiController(AttemptQueries queries) {
        this.queries = queries;
    }

    /** By shortCode: the message's {@code message_complate}; by accountId: all its callbacks, paged. */
    @GetMapping("/attempts")
    Envelope attempts(
            @RequestParam(required = false) String shortCode,
            @RequestParam(required = false) String accountId,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int pageSize) {
        if (shortCode != null && !shortCode.isBlank()) {
            return Envelope.executed(Map.of("list", queries.byShortCode(shortCode.trim())));
        }
        if (accountId == null || accountId.isBlank()) {
            throw ApiException.invalid("shortCode或accountId不能为空");
        }
        UUID account = accountId(accountId);
        if (page < 1) {
            throw ApiException.invalid("page必须大于0");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ApiException.invalid("pageSize必须在1到" + MAX_PAGE_SIZE + "之间");
        }
        List<Map<String, Object>> list = queries.byAccount(account, page, pageSize);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pageNum", page);
        data.put("pageSize", pageSize);
        data.put("total", queries.countByAccount(account));
        data.put("list", list);
        return Envelope.executed(data);
    }

    @GetMapping("/endpoints/{accountId}")
    Envelope endpoint(@PathVariable String accountId) {
        Map<String, Object> endpoint = queries.endpoint(accountId(accountId));
        if (endpoint == null) {
            throw ApiException.invalid("该账户没有回调地址");
        }
        return Envelope.executed(endpoint);
    }

    private static UUID accountId(String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("accountId格式不正确");
        }
    }
}
