package org.herald.ingest.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The pushplus template names, spelled as pushplus spells them. */
public final class Templates {

    public static final String DEFAULT = "html";

    public static final List<String> ALL =
            List.of("html", "txt", "json", "markdown", "cloudMonitor", "jenkins", "route", "pay");

    private Templates() {}

    /** The canonical spelling of a template name, whatever its letter case. */
    public static Optional<String> canonical(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(template -> template.toLowerCase(Locale.ROOT).equals(lower))
                .findFirst();
    }
}
