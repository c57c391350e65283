package org.herald.ingest.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.herald.ingest.api.Envelope;
import org.herald.ingest.api.PushplusException;
import org.herald.ingest.messagetoken.MessageToken;
import org.herald.ingest.messagetoken.MessageTokenService;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Message tokens ({@code /api/open/token/*}). A token is answered in clear once, by {@code add};
 * listings show its first characters only, as Herald keeps nothing but its hash.
 */
@RestController
class OpenTokenController {

    private final MessageTokenService tokens;

    OpenTokenController(MessageTokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/open/token/list")
    Envelope list(@OpenApiAccount UUID accountId, @RequestBody(required = false) Paging.PageRequest request) {
        Paging.PageRequest paging = Paging.PageRequest.orDefault(request);
        var rows = tokens.page(accountId, paging.offset(), paging.size()).stream()
                .map(OpenTokenController::row)
                .toList();
        return Envelope.executed(paging.page(rows, tokens.count(accountId)));
    }

    @PostMapping("/api/open/token/add")
    Envelope add(@OpenApiAccount UUID accountId, @RequestBody(required = false) TokenRequest request) {
        TokenRequest body = request == null ? new TokenRequest(null, null, null) : request;
        return Envelope.executed(tokens.add(accountId, body.name(), body.expireTime()));
    }

    @PostMapping("/api/open/token/edit")
    Envelope edit(@OpenApiAccount UUID accountId, @RequestBody(required = false) TokenRequest request) {
        if (request == null) {
            throw PushplusException.invalid("id不能为空");
        }
        tokens.edit(accountId, request.id(), request.name(), request.expireTime());
        return Envelope.executed("修改成功");
    }

    @DeleteMapping("/api/open/token/deleteToken")
    Envelope delete(@OpenApiAccount UUID accountId, @RequestParam(required = false) Long id) {
        tokens.delete(accountId, id);
        return Envelope.executed("删除成功");
    }

    /**
     * {@code type=1} asks for tokens lacking a per-token default configuration; Herald has no per-token
     * defaults, so then every token qualifies and both types answer the same list.
     */
    @GetMapping("/api/open/token/selectTokenList")
    Envelope selectTokenList(@OpenApiAccount UUID accountId, @RequestParam(required = false) Integer type) {
        if (type != null && type != 0 && type != 1) {
            throw PushplusException.invalid("type只能是0或1");
        }
        return Envelope.executed(tokens.all(accountId).stream()
                .map(token -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", token.id());
                    row.put("name", token.name());
                    return row;
                })
                .toList());
    }

    private static Map<String, Object> row(MessageToken token) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", token.id());
        row.put("name", token.name());
        row.put("expireTime", MessageTokenService.expireTime(token));
        row.put("token", MessageTokenService.masked(token));
        return row;
    }

    /** @param expireTime {@code yyyy-MM-dd} or {@code yyyy-MM-dd HH:mm:ss}, China time */
    record TokenRequest(Long id, String name, String expireTime) {}
}
