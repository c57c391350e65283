package org.herald.ingest.send;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.herald.ingest.api.PushplusException;

/**
 * {@code /batchSend} (pushplus §1.6): one request, several channels. {@code channel} is a comma list
 * and {@code option} (or {@code webhook}) a comma list aligned with it by position, with empty slots
 * for channels that need none. Each channel is validated, limited and published on its own, as a
 * /send of its own would be, and answers its own element: one refused channel does not stop the
 * others. Only what is wrong for every channel alike (no token, an unknown token, malformed lists)
 * refuses the whole request.
 */
public final class BatchSender {

    static final String ACCEPTED = "请求成功，请用流水号查询最终发送结果";

    private final SendService sends;
    private final int maxChannels;

    public BatchSender(SendService sends, int maxChannels) {
        this.sends = sends;
        this.maxChannels = maxChannels;
    }

    /** The answer of one channel, in the shape pushplus documents. */
    public record Result(String shortCode, String message, int code, String channel) {}

    public List<Result> send(SendParameters parameters) {
        if (parameters.token() == null) {
            throw PushplusException.invalid("token不能为空");
        }
        List<String> channels = parameters.channel() == null
                ? java.util.Collections.singletonList(null)
                : Arrays.stream(parameters.channel().split(",", -1))
                        .map(String::trim)
                        .toList();
        if (channels.size() > maxChannels) {
            throw PushplusException.invalid("channel最多" + maxChannels + "个渠道，本次" + channels.size() + "个");
        }
        List<String> options = parameters.option() == null
                ? List.of()
                : Arrays.stream(parameters.option().split(",", -1))
                        .map(String::trim)
                        .toList();
        if (options.size() > channels.size()) {
            throw PushplusException.invalid(
                    "option的个数（" + options.size() + "）多于channel的个数（" + channels.size() + "），请按channel的位置逐个填写");
        }
        List<Result> results = new ArrayList<>(channels.size());
        for (int i = 0; i < channels.size(); i++) {
            String channel = channels.get(i);
            if (channel != null && channel.isEmpty()) {
                results.add(new Result(null, "渠道不能为空（第" + (i + 1) + "个）", PushplusException.VALIDATION, ""));
                continue;
            }
            String option = i < options.size() && !options.get(i).isEmpty() ? options.get(i) : null;
            results.add(one(parameters, channel, option));
        }
        return results;
    }

    private Result one(SendParameters parameters, String channel, String option) {
        SendParameters single = new SendParameters(
                parameters.token(),
                parameters.title(),
                parameters.content(),
                parameters.topic(),
                parameters.template(),
                channel,
                option,
                parameters.callbackUrl(),
                parameters.timestamp(),
                parameters.to());
        try {
            SendService.Accepted accepted = sends.accept(single);
            return new Result(accepted.shortCode(), ACCEPTED, 200, accepted.channel());
        } catch (PushplusException e) {
            if (e.code() == PushplusException.INVALID_TOKEN) {
                // The same for every channel; and the gateway counts invalid tokens by the envelope's code.
                throw e;
            }
            return new Result(null, e.getMessage(), e.code(), channel);
        }
    }
}
