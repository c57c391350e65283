package org.herald.rendering;

/** Renders content written in one pushplus template. Implementations are stateless and thread-safe. */
public interface TemplateRenderer {

    /**
     * @param title the message title, never null
     * @param content the raw content, never null, line endings normalised to {@code \n}
     */
    RenderedMessage render(String title, String content);
}
