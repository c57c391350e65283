package org.herald.rendering;

/** Renders a message's content according to its template. Thread-safe; build one and share it. */
public final class MessageRenderer {

    /**
     * @param template the pushplus template name (html, txt, json, markdown, cloudMonitor, jenkins,
     *     route, pay); an unknown one is rendered as txt
     * @param title the title, possibly empty
     * @param content the raw content as received
     */
    public RenderedMessage render(String template, String title, String content) {
        String text = content == null ? "" : content;
        String escaped = text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("\n", "<br>");
        return new RenderedMessage(escaped, text, text);
    }
}
