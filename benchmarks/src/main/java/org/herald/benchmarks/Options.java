package org.herald.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} options, each read with its default. */
final class Options {

    private final Map<String, String> values;
    private final Set<String> read = new java.util.HashSet<>();

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(String[] args, int from) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + arg);
            }
            String name = arg.substring(2);
            int equals = name.indexOf('=');
            if (equals > 0) {
                values.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(name, args[++i]);
            } else {
                values.put(name, "true");
            }
        }
        return new Options(values);
    }

    String text(String name, String fallback) {
        read.add(name);
        return values.getOrDefault(name, fallback);
    }

    double number(String name, double fallback) {
        String value = text(name, null);
        return value == null ? fallback : Double.parseDouble(value);
    }

    int integer(String name, int fallback) {
        String value = text(name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(text(name, "false"));
    }

    /** Options given but never read by the scenario: most likely a typo, worth failing on. */
    Set<String> unread() {
        Set<String> unread = new java.util.TreeSet<>(values.keySet());
        unread.removeAll(read);
        return unread;
    }
}
