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

    /**
     * The template-in-URL rule (pushplus §1.3): with {@code template} in the URL the whole body is the
     * content, as Aliyun CloudMonitor or Jenkins post it. Everything else comes from the URL and the
     * path; the body's own {@code title}, {@code topic}, {@code channel}, {@code option}/{@code webhook}
     * and {@code to} only fill what the URL leaves out (the Jenkins plugin sends title and topic in its
     * payload). {@code token}, {@code callbackUrl} and {@code timestamp} never come from such a body: a
     * foreign payload's {@code timestamp} (CloudMonitor's, in seconds) is not a deadline.
     */
    public static SendParameters mergeTemplateInUrl(
            Map<String, String> query, Map<String, String> embedded, String wholeBody, String pathToken) {
        Sources sources = new Sources(query, embedded);
        Sources urlOnly = new Sources(query, Map.of());
        String token = urlOnly.value("token");
        return new SendParameters(
                token != null ? token : blankToNull(pathToken),
                sources.value("title"),
                blankToNull(wholeBody),
                sources.value("topic"),
                urlOnly.value("template"),
                sources.value("channel"),
                sources.value("option", "webhook"),
                urlOnly.value("callbackUrl"),
                urlOnly.value("timestamp"),
                sources.value("to"));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Two sources, the first one winning. */
    private record Sources(Map<String, String> first, Map<String, String> second) {

        /** The first non-blank value of any of the names, the first source before the second. */
        String value(String... names) {
            for (Map<String, String> source : new Map[] {first, second}) {
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
