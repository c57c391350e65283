package org.herald.rendering.jenkins;

import java.util.Optional;
import org.herald.rendering.RenderedMessage;
import org.herald.rendering.TemplateRenderer;
import org.herald.rendering.card.Card;
import org.herald.rendering.card.CardWriter;
import org.herald.rendering.json.LenientJson;
import org.herald.rendering.text.HtmlText;
import org.herald.rendering.txt.TxtTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code jenkins}: the body of the pushplus Jenkins plugin ({@code projectName, buildNumber,
 * buildState, buildUser, costTime, projectUrl, buildLogUrl}) as a "Jenkins构建通知" card with a
 * link to the build log. The log is {@code buildLogUrl}, or {@code <buildUrl|url>console} when a
 * sender gives the build URL instead. That link is also the message's click-through ({@link
 * RenderedMessage#link()}), as pushplus' WeChat card opens the build log.
 */
public final class JenkinsTemplate implements TemplateRenderer {

    private final CardWriter writer = new CardWriter();

    @Override
    public RenderedMessage render(String title, String content) {
        Optional<ObjectNode> payload = LenientJson.readObjectOrForm(content);
        if (payload.isEmpty()
                || !(payload.get().has("projectName")
                        || payload.get().has("buildState")
                        || payload.get().has("buildNumber"))) {
            return TxtTemplate.of(content);
        }
        ObjectNode build = payload.get();
        String project = LenientJson.field(build, "projectName");
        String number = LenientJson.field(build, "buildNumber");
        String state = LenientJson.field(build, "buildState");
        String user = LenientJson.field(build, "buildUser");
        String cost = duration(LenientJson.field(build, "costTime"));
        String projectUrl = LenientJson.field(build, "projectUrl");
        String log = logUrl(build);
        Card.Builder card = Card.builder()
                .heading("Jenkins构建通知")
                .row("项目名称", project)
                .row("构建编号", number)
                .row("构建状态", state)
                .row("构建用户", user)
                .row("构建耗时", cost)
                .row("项目地址", HtmlText.isWebUrl(projectUrl) ? projectUrl : null)
                .field("项目名称", project)
                .field("构建编号", number)
                .field("构建状态", state)
                .field("构建耗时", cost);
        if (log != null) {
            card.link("查看构建日志", log);
        }
        return writer.write(card.build()).withLink(log);
    }

    private static String logUrl(ObjectNode build) {
        String log = LenientJson.field(build, "buildLogUrl");
        if (HtmlText.isWebUrl(log)) {
            return log.strip();
        }
        String buildUrl = LenientJson.field(build, "buildUrl");
        if (!HtmlText.isWebUrl(buildUrl)) {
            buildUrl = LenientJson.field(build, "url");
        }
        if (HtmlText.isWebUrl(buildUrl)) {
            String base = buildUrl.strip();
            return (base.endsWith("/") ? base : base + "/") + "console";
        }
        return null;
    }

    /** The plugin sends seconds as a bare number ("23"); shown with its unit. */
    private static String duration(String costTime) {
        if (costTime == null) {
            return null;
        }
        return costTime.strip().matches("\\d+(\\.\\d+)?") ? costTime.strip() + "秒" : costTime;
    }
}
