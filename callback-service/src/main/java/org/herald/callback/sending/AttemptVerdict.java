package org.herald.callback.sending;

import org.herald.outbound.OutboundResponse;

/** What one attempt came to, by the Standard Webhooks rules (reference §10.2). */
record AttemptVerdict(Kind kind, String reason) {

    enum Kind {
        DELIVERED,
        RETRY,
        PERMANENT
    }

    static AttemptVerdict of(OutboundResponse response) {
        int status = response.status();
        if (response.successful()) {
            return new AttemptVerdict(Kind.DELIVERED, null);
        }
        if (status == 410) {
            return new AttemptVerdict(Kind.PERMANENT, "receiver answered HTTP 410 Gone");
        }
        if ("abort-message".equalsIgnoreCase(response.header("webhook-delivery"))) {
            return new AttemptVerdict(
                    Kind.PERMANENT,
                    "receiver answered HTTP " + status + " and asked to stop (webhook-delivery: abort-message)");
        }
        if (status >= 300 && status < 400) {
            return new AttemptVerdict(Kind.RETRY, "receiver answered HTTP " + status + " (redirects are not followed)");
        }
        // Any other answer may be a receiver being deployed or overloaded: the schedule retries it.
        return new AttemptVerdict(Kind.RETRY, "receiver answered HTTP " + status);
    }

    static AttemptVerdict retry(String reason) {
        return new AttemptVerdict(Kind.RETRY, reason);
    }

    static AttemptVerdict permanent(String reason) {
        return new AttemptVerdict(Kind.PERMANENT, reason);
    }
}
