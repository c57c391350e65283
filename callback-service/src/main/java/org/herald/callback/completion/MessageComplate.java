package org.herald.callback.completion;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.herald.callback.sending.CallbackRequest;
import org.herald.events.message.MessageCompleted;
import org.herald.transport.ReceivedEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * pushplus's {@code message_complate} callback (the misspelling is the contract):
 * {@code {"event":"message_complate","messageInfo":{"message":"…","shortCode":"…","sendStatus":2}}}.
 */
final class MessageComplate {

    static final String EVENT = "message_complate";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @JsonPropertyOrder({"event", "messageInfo"})
    record Body(String event, MessageInfo messageInfo) {}

    @JsonPropertyOrder({"message", "shortCode", "sendStatus"})
    record MessageInfo(String message, String shortCode, int sendStatus) {}

    private MessageComplate() {}

    static byte[] body(MessageCompleted completed) {
        String message = completed.message() == null ? "" : completed.message();
        return JSON.writeValueAsBytes(
                new Body(EVENT, new MessageInfo(message, completed.messageId(), completed.sendStatus())));
    }

    /**
     * The callback a completion asks for. A message completes once, so the shortCode identifies the
     * callback: a completion published again, whatever its event id, is not called back twice. With
     * no URL on the message the account's callback URL is used.
     */
    static CallbackRequest request(ReceivedEvent<MessageCompleted> event) {
        MessageCompleted completed = event.data();
        String url = completed.callbackUrl() == null || completed.callbackUrl().isBlank()
                ? null
                : completed.callbackUrl().strip();
        return new CallbackRequest(
                completed.messageId(),
                EVENT,
                completed.messageId(),
                completed.accountId(),
                url,
                "msg_" + completed.messageId(),
                body(completed));
    }
}
