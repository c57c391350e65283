package org.herald.channel.webhook.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.herald.channel.webhook.bark.BarkFormat;
import org.herald.channel.webhook.custom.CustomFormat;
import org.herald.channel.webhook.delivery.WebhookFormat;
import org.herald.channel.webhook.delivery.WebhookFormats;
import org.herald.channel.webhook.discord.DiscordFormat;
import org.herald.channel.webhook.gotify.GotifyFormat;
import org.herald.channel.webhook.ifttt.IftttFormat;
import org.herald.channel.webhook.serverchan.ServerChanFormat;
import org.herald.channel.webhook.slack.SlackFormat;
import org.herald.channel.webhook.telegram.TelegramFormat;
import org.herald.channel.webhook.wxpusher.WxPusherFormat;
import org.junit.jupiter.api.Test;

class NotificationTypesTest {

    @Test
    void shouldServeTheFixedWebhookTypeNames() {
        Map<String, Class<? extends WebhookFormat>> byType = Map.of(
                "SERVERCHAN", ServerChanFormat.class,
                "IFTTT", IftttFormat.class,
                "BARK", BarkFormat.class,
                "GOTIFY", GotifyFormat.class,
                "WXPUSHER", WxPusherFormat.class,
                "CUSTOM", CustomFormat.class,
                "TELEGRAM", TelegramFormat.class,
                "DISCORD", DiscordFormat.class,
                "SLACK", SlackFormat.class);
        WebhookFormats formats = new WebhookFormats(List.of(
                new ServerChanFormat(),
                new IftttFormat(),
                new BarkFormat(),
                new GotifyFormat(),
                new WxPusherFormat(),
                new CustomFormat(),
                new TelegramFormat(),
                new DiscordFormat(),
                new SlackFormat()));

        byType.forEach((type, format) ->
                assertThat(formats.forType(type.toLowerCase())).as(type).get().isInstanceOf(format));
    }
}
