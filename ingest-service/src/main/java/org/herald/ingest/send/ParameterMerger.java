package org.herald.ingest.send;

import java.util.Map;

/**
 * Merges the places a /send parameter can come from. pushplus documents the order: the body's
 * value, else the URL query's, else the default. A token in the path ({@code /send/{token}}) is the
 * last resort, so a token in the query or body wins over it. {@code webhook} and {@code option} are
 * one parameter under two names (pushplus renamed it); within one source {@code option} wins.
 */
public final class ParameterMerger {

    private ParameterMerger() {}

    public static SendParameters merge(Map<String, String> body, Map<String, String> query, String pathToken) {
        Sources sources = new Sources(body, query);
        String token = sources.value("token");
        return new SendParameters(
                token != null ? token : blankToNull(pathToken),
                sources.value("title"),
                sources.value("content"),
                sources.value("topic"),
                sources.value("template"),
                sources.value("channel"),
                sources.value("option", "webhook"),
                sources.value("callbackUrl"),
                sources.value("timestamp"),
                sources.value("to"));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private record Sources(Map<String, String> body, Map<String, String> query) {

        /** The first non-blank value of any of the names, body before query. */
        String value(String... names) {
            for (Map<String, String> source : new Map[] {body, query}) {
                for (String name : names) {
                    String value = blankToNull(source.get(name));
                    if (value != null) {
                        return value;
                    }
                }
            }
            return null;
        }
    }
}
