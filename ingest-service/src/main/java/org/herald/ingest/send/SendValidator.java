package org.herald.ingest.send;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.herald.ingest.account.Account;
import org.herald.ingest.account.AccountDirectory;
import org.herald.ingest.api.Channels;
import org.herald.ingest.api.HttpAddress;
import org.herald.ingest.api.PushplusException;
import org.herald.ingest.api.Templates;
import org.herald.ingest.audience.RecipientCheck;

/**
 * The synchronous checks of /send. pushplus reports them with a code (903 for the token, 999 with
 * a specific message for everything else), so a caller learns what to fix before anything is queued.
 */
public final class SendValidator {

    /** pushplus accepts up to 100 {@code to} recipients (members) and silently drops the rest. */
    static final int MAX_RECIPIENTS = 100;

    private final AccountDirectory accounts;
    private final int maxTitleLength;
    private final int maxContentLength;
    private final Clock clock;
    private final Set<String> openChannels;
    private final RecipientCheck recipientCheck;

    public SendValidator(AccountDirectory accounts, int maxTitleLength, int maxContentLength, Clock clock) {
        this(accounts, maxTitleLength, maxContentLength, clock, Channels.OPEN, RecipientCheck.NONE);
    }

    /**
     * @param openChannels the channels with a delivering service ({@code herald.ingest.open-channels})
     * @param recipientCheck refuses a message nobody could receive (empty topic, unknown friends)
     */
    public SendValidator(
            AccountDirectory accounts,
            int maxTitleLength,
            int maxContentLength,
            Clock clock,
            Set<String> openChannels,
            RecipientCheck recipientCheck) {
        this.accounts = accounts;
        this.maxTitleLength = maxTitleLength;
        this.maxContentLength = maxContentLength;
        this.clock = clock;
        this.openChannels = Set.copyOf(openChannels);
        this.recipientCheck = recipientCheck;
    }

    public ValidSend validate(SendParameters request) {
        if (request.token() == null) {
            throw PushplusException.invalid("token不能为空");
        }
        Account account = accounts.findByToken(request.token())
                .orElseThrow(() -> new PushplusException(PushplusException.INVALID_TOKEN, "无效的用户token"));

        String content = request.content();
        if (content == null) {
            throw PushplusException.invalid("内容不能为空");
        }
        if (length(content) > maxContentLength) {
            throw PushplusException.invalid("内容长度不能超过" + maxContentLength + "个字符");
        }
        String title = request.title() == null ? "" : request.title();
        if (length(title) > maxTitleLength) {
            throw PushplusException.invalid("标题长度不能超过" + maxTitleLength + "个字符");
        }
        String template = request.template() == null
                ? Templates.DEFAULT
                : Templates.canonical(request.template())
                        .orElseThrow(() -> PushplusException.invalid("不支持的模板: " + shown(request.template()) + "（可选: "
                                + String.join(", ", Templates.ALL) + "）"));

        // The account's default channel comes with its own config code; both apply only when the
        // request names no channel, so an explicit channel never inherits a foreign code.
        String channel;
        String option;
        if (request.channel() != null) {
            channel = request.channel().trim();
            option = request.option();
        } else {
            channel = account.defaultChannel() != null ? account.defaultChannel() : Channels.PUSHPLUS_DEFAULT;
            option = request.option() != null ? request.option() : account.defaultOption();
        }
        if (!Channels.KNOWN.contains(channel)) {
            throw PushplusException.invalid("不支持的渠道: " + shown(channel) + "（可选: wechat, webhook, cp, mail, sms）");
        }
        if (!openChannels.contains(channel)) {
            throw PushplusException.invalid("渠道暂未开放: " + channel);
        }
        option = option == null ? null : option.trim();
        if (channel.equals(Channels.WEBHOOK)) {
            if (option == null || option.isEmpty()) {
                throw PushplusException.invalid("webhook渠道需要webhook参数（webhook配置编码）");
            }
            if (accounts.findWebhook(account.id(), option).isEmpty()) {
                throw PushplusException.invalid("webhook配置不存在: " + shown(option));
            }
        }

        String callbackUrl = request.callbackUrl() == null
                ? null
                : HttpAddress.require("callbackUrl", request.callbackUrl().trim());
        Instant deadline = deadline(request.timestamp());
        // Last: it reads topics and friends, so only a request that is otherwise fine pays for it.
        recipientCheck.check(
                account.id(),
                channel,
                request.topic() == null ? null : request.topic().trim(),
                recipients(request.to()));

        return new ValidSend(
                account,
                channel,
                template,
                title,
                content,
                option,
                request.topic() == null ? null : request.topic().trim(),
                recipients(request.to()),
                callbackUrl,
                deadline);
    }

    private Instant deadline(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw PushplusException.invalid("timestamp必须是毫秒时间戳");
        }
        Instant deadline = Instant.ofEpochMilli(millis);
        if (deadline.isBefore(clock.instant())) {
            throw PushplusException.invalid("消息已过期: timestamp早于服务器当前时间");
        }
        return deadline;
    }

    private static List<String> recipients(String to) {
        if (to == null) {
            return List.of();
        }
        return Arrays.stream(to.split(","))
                .map(String::trim)
                .filter(recipient -> !recipient.isEmpty())
                .limit(MAX_RECIPIENTS)
                .toList();
    }

    /** Characters as users count them: an emoji is one, not two UTF-16 units. */
    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** User input echoed in a message, kept short. */
    private static String shown(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }
}
