package org.herald.ingest.openapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.herald.ingest.IngestProperties;
import org.herald.ingest.account.AccountRepository;
import org.herald.ingest.account.Credentials;
import org.herald.ingest.api.PushplusException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The open API's key exchange: token + secretKey for a short-lived access key. */
@Service
public class AccessKeyService {

    static final Duration OVERLAP = Duration.ofMinutes(5);

    private final AccountRepository accounts;
    private final AccessKeyRepository keys;
    private final Duration ttl;
    private final Clock clock;

    AccessKeyService(AccountRepository accounts, AccessKeyRepository keys, IngestProperties properties, Clock clock) {
        this.accounts = accounts;
        this.keys = keys;
        this.ttl = properties.accessKeyTtl();
        this.clock = clock;
    }

    @Transactional
    public IssuedKey issue(String token, String secretKey) {
        if (token == null || token.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw PushplusException.invalid("token和secretKey不能为空");
        }
        // Same answer for an unknown token and a wrong secret: the pair is wrong, nothing more is told.
        AccountRepository.AccountSecret account = accounts.findSecretByToken(token)
                .filter(found -> Credentials.matchesHash(found.secretKeyHash(), secretKey))
                .orElseThrow(() -> new PushplusException(PushplusException.UNAUTHORIZED, "token或secretKey错误"));
        Instant now = clock.instant();
        String accessKey = Credentials.randomHex(16);
        keys.issue(account.account().id(), accessKey, now.plus(ttl), now.plus(OVERLAP), now);
        return new IssuedKey(accessKey, ttl.toSeconds());
    }

    /**
     * The account an {@code access-key} header belongs to.
     *
     * @throws PushplusException 401 when the key is missing, unknown or expired
     */
    public UUID authenticate(String accessKey) {
        if (accessKey == null || accessKey.isBlank()) {
            throw new PushplusException(PushplusException.UNAUTHORIZED, "缺少access-key请求头，请先调用getAccessKey获取");
        }
        return keys.accountOf(accessKey.trim(), clock.instant())
                .orElseThrow(() -> new PushplusException(PushplusException.UNAUTHORIZED, "access-key无效或已过期，请重新获取"));
    }

    /** The answer of getAccessKey: {@code {"accessKey":…,"expiresIn":7200}}. */
    public record IssuedKey(String accessKey, long expiresIn) {}
}
