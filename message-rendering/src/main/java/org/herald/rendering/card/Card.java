package org.herald.rendering.card;

import java.util.ArrayList;
import java.util.List;
import org.herald.rendering.RenderedMessage.Field;

/**
 * A labelled list, the shape of every structured template (json, cloudMonitor, jenkins, route,
 * pay): an optional heading and subtitle, rows of {@code label： value} that may nest, an optional
 * link and a closing note. {@link CardWriter} turns it into the page HTML, plain text and markdown.
 */
public record Card(String heading, String subtitle, List<Entry> entries, Link link, String note, List<Field> fields) {

    public Card {
        entries = List.copyOf(entries);
        fields = List.copyOf(fields);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A row or a group of rows. */
    public sealed interface Entry permits Row, Group {}

    public record Row(String label, String value) implements Entry {}

    public record Group(String label, List<Entry> entries) implements Entry {
        public Group {
            entries = List.copyOf(entries);
        }
    }

    /** A link; only http(s) targets are ever rendered as links. */
    public record Link(String text, String url) {}

    public static final class Builder {
        private String heading;
        private String subtitle;
        private final List<Entry> entries = new ArrayList<>();
        private Link link;
        private String note;
        private final List<Field> fields = new ArrayList<>();

        private Builder() {}

        public Builder heading(String heading) {
            this.heading = heading;
            return this;
        }

        public Builder subtitle(String subtitle) {
            this.subtitle = blank(subtitle) ? null : subtitle;
            return this;
        }

        /** Adds a row unless its value is missing or blank: cards leave out what the payload lacks. */
        public Builder row(String label, String value) {
            if (!blank(value)) {
                entries.add(new Row(label, value));
            }
            return this;
        }

        public Builder entry(Entry entry) {
            entries.add(entry);
            return this;
        }

        public Builder entries(List<Entry> more) {
            entries.addAll(more);
            return this;
        }

        /** Adds a group unless it is empty. */
        public Builder group(String label, List<Entry> children) {
            if (!children.isEmpty()) {
                entries.add(new Group(label, children));
            }
            return this;
        }

        public Builder link(String text, String url) {
            this.link = new Link(text, url);
            return this;
        }

        public Builder note(String note) {
            this.note = note;
            return this;
        }

        /** A WeChat template field, left out when the value is missing. */
        public Builder field(String label, String value) {
            if (!blank(value)) {
                fields.add(new Field(label, value));
            }
            return this;
        }

        public boolean hasEntries() {
            return !entries.isEmpty();
        }

        public Card build() {
            return new Card(heading, subtitle, entries, link, note, fields);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
