package org.herald.rendering.json;

import org.herald.rendering.RenderedMessage;
import org.herald.rendering.TemplateRenderer;
import org.herald.rendering.card.Card;
import org.herald.rendering.card.CardWriter;
import org.herald.rendering.txt.TxtTemplate;

/**
 * {@code json}: one {@code key： value} line per field, in the order written; nested objects are
 * indented groups, arrays of objects numbered groups. Content that is not a JSON object or array
 * (even leniently read) is shown as txt, so nothing a sender wrote is lost.
 */
public final class JsonTemplate implements TemplateRenderer {

    private final CardWriter writer = new CardWriter();

    @Override
    public RenderedMessage render(String title, String content) {
        return LenientJson.read(content)
                .map(json -> writer.write(
                        Card.builder().entries(JsonEntries.of(json)).build()))
                .orElseGet(() -> TxtTemplate.of(content));
    }
}
