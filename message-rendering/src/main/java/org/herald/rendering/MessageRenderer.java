package org.herald.rendering;

import java.util.Locale;
import java.util.Map;
import org.herald.rendering.cloudmonitor.CloudMonitorTemplate;
import org.herald.rendering.html.HtmlTemplate;
import org.herald.rendering.jenkins.JenkinsTemplate;
import org.herald.rendering.json.JsonTemplate;
import org.herald.rendering.markdown.MarkdownTemplate;
import org.herald.rendering.pay.PayTemplate;
import org.herald.rendering.route.RouteTemplate;
import org.herald.rendering.txt.TxtTemplate;

/** Renders a message's content according to its template. Thread-safe; build one and share it. */
public final class MessageRenderer {

    private final TemplateRenderer txt = new TxtTemplate();
    private final TemplateRenderer html = new HtmlTemplate();
    private final Map<String, TemplateRenderer> templates = Map.of(
            "html", html,
            "txt", txt,
            "json", new JsonTemplate(),
            "markdown", new MarkdownTemplate(),
            "cloudmonitor", new CloudMonitorTemplate(),
            "jenkins", new JenkinsTemplate(),
            "route", new RouteTemplate(),
            "pay", new PayTemplate());

    /**
     * @param template the pushplus template name (html, txt, json, markdown, cloudMonitor, jenkins,
     *     route, pay), any letter case; null or blank means html (pushplus' default), an unknown one
     *     is rendered as txt
     * @param title the title, possibly empty
     * @param content the raw content as received
     */
    public RenderedMessage render(String template, String title, String content) {
        String text = content == null ? "" : content.replace("\r\n", "\n").replace('\r', '\n');
        TemplateRenderer renderer = template == null || template.isBlank()
                ? html
                : templates.getOrDefault(template.strip().toLowerCase(Locale.ROOT), txt);
        return renderer.render(title == null ? "" : title, text);
    }
}
