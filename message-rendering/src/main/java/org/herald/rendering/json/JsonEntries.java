package org.herald.rendering.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.herald.rendering.card.Card.Entry;
import org.herald.rendering.card.Card.Group;
import org.herald.rendering.card.Card.Row;
import tools.jackson.databind.JsonNode;

/**
 * A JSON value as card entries: a field per row, nested objects as indented groups, arrays of
 * scalars joined with ", ", arrays of objects as groups numbered #1, #2 …
 */
public final class JsonEntries {

    private JsonEntries() {}

    public static List<Entry> of(JsonNode node) {
        return of(node, UnaryOperator.identity());
    }

    /** @param labels maps a field name to the label shown (route's dictionary); identity keeps names */
    public static List<Entry> of(JsonNode node, UnaryOperator<String> labels) {
        List<Entry> entries = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                entries.add(entry(labels.apply(field.getKey()), field.getValue(), labels));
            }
        } else if (node.isArray()) {
            int index = 1;
            for (JsonNode item : node) {
                entries.add(entry("#" + index++, item, labels));
            }
        }
        return entries;
    }

    public static Entry entry(String label, JsonNode value, UnaryOperator<String> labels) {
        if (value.isObject()) {
            return new Group(label, of(value, labels));
        }
        if (value.isArray()) {
            boolean scalars = true;
            for (JsonNode item : value) {
                scalars &= item.isValueNode();
            }
            if (scalars) {
                List<String> texts = new ArrayList<>();
                for (JsonNode item : value) {
                    texts.add(LenientJson.text(item));
                }
                return new Row(label, String.join(", ", texts));
            }
            return new Group(label, of(value, labels));
        }
        return new Row(label, LenientJson.text(value));
    }
}
