package org.herald.ingest.send;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import okhttp3.HttpUrl;
import org.herald.ingest.api.PushplusException;
import org.herald.outbound.RefusedUrlException;
import org.herald.outbound.UrlGuard;

/**
 * The limits of a single /send that come on top of SendValidator's checks: the number of {@code to}
 * entries, how far ahead a {@code timestamp} may lie, and where a {@code callbackUrl} may point.
 *
 * <p>The callbackUrl is checked with the guard callback-service itself uses, on its literal host only:
 * a URL naming a loopback, private or metadata address can never be called back, so the caller learns
 * it now. Host names are resolved only when the callback is sent (DNS may change in between, and
 * /send must not wait on a resolver).
 */
public final class SendRules {

    private final UrlGuard guard;
    private final int maxRecipients;
    private final Duration maxDeadlineAhead;
    private final Clock clock;

    public SendRules(UrlGuard guard, int maxRecipients, Duration maxDeadlineAhead, Clock clock) {
        this.guard = guard;
        this.maxRecipients = maxRecipients;
        this.maxDeadlineAhead = maxDeadlineAhead;
        this.clock = clock;
    }

    /** @throws PushplusException 999 with a specific message */
    public void check(SendParameters request, ValidSend send) {
        recipients(request.to());
        deadline(send.deadline());
        if (send.callbackUrl() != null) {
            callbackUrl(send.callbackUrl());
        }
    }

    private void recipients(String to) {
        if (to == null) {
            return;
        }
        long count =
                Arrays.stream(to.split(",")).filter(entry -> !entry.isBlank()).count();
        if (count > maxRecipients) {
            throw PushplusException.invalid("to最多" + maxRecipients + "个接收人，本次" + count + "个");
        }
    }

    private void deadline(Instant deadline) {
        if (deadline != null && deadline.isAfter(clock.instant().plus(maxDeadlineAhead))) {
            throw PushplusException.invalid(
                    "timestamp超出范围: 最晚为当前时间之后" + maxDeadlineAhead.toDays() + "天（timestamp是毫秒时间戳）");
        }
    }

    private void callbackUrl(String url) {
        HttpUrl checked;
        try {
            checked = guard.check(url);
        } catch (RefusedUrlException e) {
            throw PushplusException.invalid(message(e.reason()));
        }
        // The one name that always means this machine (RFC 6761); other names are judged after DNS.
        String host = checked.host();
        if (!guard.policy().allowsPrivateNetworks() && (host.equals("localhost") || host.endsWith(".localhost"))) {
            throw PushplusException.invalid(message("localhost"));
        }
    }

    /** UrlGuard's reasons are English and name the address; the caller gets a fixed pushplus-style text. */
    private static String message(String reason) {
        if (reason.startsWith("credentials")) {
            return "callbackUrl不能包含用户名或密码";
        }
        if (reason.startsWith("only http")) {
            return "callbackUrl必须是http或https地址";
        }
        if (reason.startsWith("not a valid") || reason.startsWith("no URL")) {
            return "callbackUrl不是合法的URL";
        }
        if (reason.startsWith("malformed") || reason.startsWith("host looks like")) {
            return "callbackUrl的主机地址不合法";
        }
        return "callbackUrl不能指向本机、内网或保留地址";
    }
}
