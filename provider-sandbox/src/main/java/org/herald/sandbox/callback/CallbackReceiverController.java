package org.herald.sandbox.callback;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.herald.sandbox.behaviour.ScriptedFailures;
import org.herald.sandbox.inbox.Inbox;
import org.herald.sandbox.inbox.Incoming;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's callback receiver: takes Herald's callbacks ({@code message_complate}, ...) and answers
 * the way pushplus users' receivers usually do. It verifies Standard Webhooks signatures when it was
 * given the secret ({@link CallbackReceiversController}). What it noticed goes into the verdict
 * rather than a refusal, like a lenient real receiver.
 */
@RestController
class CallbackReceiverController {

    static final String ACCEPTED = "{\"code\":200,\"msg\":\"success\"}";
    static final String TARGET = "callback";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Inbox inbox;
    private final ScriptedFailures failures;
    private final CallbackReceivers receivers;
    private final Clock clock = Clock.systemUTC();

    CallbackReceiverController(Inbox inbox, ScriptedFailures failures, CallbackReceivers receivers) {
        this.inbox = inbox;
        this.failures = failures;
        this.receivers = receivers;
    }

    @PostMapping("/callback/{receiver}")
    ResponseEntity<String> receive(@PathVariable String receiver, HttpServletRequest request)
            throws InterruptedException {
        Incoming incoming = Incoming.of(request);
        CallbackReceivers.Settings settings = receivers.settings(receiver);
        if (!settings.delay().isZero()) {
            Thread.sleep(settings.delay().toMillis());
        }
        String signature = signature(incoming, settings);
        if (settings.gone()) {
            inbox.add(TARGET, incoming, 410, "answered 410 Gone (unsubscribed)" + note(signature));
            return json(410, "{\"code\":410,\"msg\":\"gone\"}", null);
        }
        OptionalInt failure = failures.nextFailure(TARGET, receiver);
        if (failure.isPresent()) {
            int status = failure.getAsInt();
            String retryAfter = status == 429 || status == 503 ? settings.retryAfter() : null;
            inbox.add(
                    TARGET,
                    incoming,
                    status,
                    "scripted failure" + (retryAfter == null ? "" : " (Retry-After " + retryAfter + ")")
                            + note(signature));
            return json(status, "{\"code\":" + status + ",\"msg\":\"scripted failure\"}", retryAfter);
        }
        inbox.add(TARGET, incoming, 200, verdict(incoming, signature));
        return json(200, ACCEPTED, null);
    }

    private static ResponseEntity<String> json(int status, String body, String retryAfter) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (retryAfter != null) {
            answer.header("Retry-After", retryAfter);
        }
        return answer.body(body);
    }

    private String signature(Incoming incoming, CallbackReceivers.Settings settings) {
        return SignatureCheck.verdict(
                settings.secret(),
                header(incoming, "webhook-id"),
                header(incoming, "webhook-timestamp"),
                header(incoming, "webhook-signature"),
                incoming.body(),
                clock.instant());
    }

    private static String verdict(Incoming incoming, String signature) {
        List<String> missing = new ArrayList<>();
        if (!isJson(incoming.body())) {
            missing.add("body is not JSON");
        }
        if (header(incoming, "webhook-id") == null) {
            missing.add("no webhook-id header");
        }
        if (header(incoming, "webhook-timestamp") == null) {
            missing.add("no webhook-timestamp header");
        }
        String accepted = missing.isEmpty() ? "accepted" : "accepted, but " + String.join("; ", missing);
        return accepted + note(signature);
    }

    private static String note(String signature) {
        return signature == null ? "" : "; " + signature;
    }

    private static String header(Incoming incoming, String name) {
        return incoming.headers().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .filter(values -> !values.isEmpty())
                .map(values -> values.get(0))
                .findFirst()
                .orElse(null);
    }

    private static boolean isJson(byte[] body) {
        try {
            return body.length > 0 && JSON.readTree(body) != null;
        } catch (JacksonException e) {
            return false;
        }
    }
}
