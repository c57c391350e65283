package org.herald.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one scenario: the load runs, the headline figures with their goals, notes, and
 * latency distributions to plot. Written as markdown, JSON and an SVG chart, and printed.
 */
final class Report {

    /** A headline figure; {@code goal} and {@code verdict} may be empty. */
    record Figure(String name, String value, String goal, String verdict) {}

    private final String scenario;
    private final String command;
    private final Instant started = Instant.now();
    private final List<RunResult> runs = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Histogram> plots = new LinkedHashMap<>();

    Report(String scenario, String command) {
        this.scenario = scenario;
        this.command = command;
    }

    void add(RunResult run) {
        runs.add(run);
    }

    void plot(String label, Histogram micros) {
        plots.put(label, micros);
    }

    void figure(String name, String value, String goal, Boolean met) {
        figures.add(new Figure(name, value, goal, met == null ? "" : met ? "met" : "NOT met"));
    }

    void note(String note) {
        notes.add(note);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(scenario).append(" — ").append(stamp(" ")).append(" UTC\n\n");
        md.append("Machine: ").append(Machine.describe()).append("\n\n");
        md.append("Command: `").append(command).append("`\n\n");
        if (!figures.isEmpty()) {
            MarkdownTable table = new MarkdownTable("figure", "value", "goal", "verdict");
            figures.forEach(f -> table.row(f.name(), f.value(), f.goal(), f.verdict()));
            md.append(table.render()).append('\n');
        }
        if (!runs.isEmpty()) {
            md.append(runTable(runs)).append('\n');
        }
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        return md.toString();
    }

    static String runTable(List<RunResult> runs) {
        MarkdownTable table = new MarkdownTable(
                "run", "rate/s", "accepted/s", "errors", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms");
        for (RunResult run : runs) {
            table.row(
                    run.name(),
                    run.targetRate(),
                    run.achievedRate(),
                    run.errors(),
                    run.percentileMillis(50),
                    run.percentileMillis(90),
                    run.percentileMillis(99),
                    run.percentileMillis(99.9),
                    run.maxMillis());
        }
        return table.render();
    }

    String json() {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"scenario\": ").append(quote(scenario)).append(",\n");
        json.append("  \"startedAt\": ").append(quote(started.toString())).append(",\n");
        json.append("  \"machine\": ").append(quote(Machine.describe())).append(",\n");
        json.append("  \"command\": ").append(quote(command)).append(",\n");
        json.append("  \"figures\": [");
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"name\": ")
                    .append(quote(f.name()))
                    .append(", \"value\": ")
                    .append(quote(f.value()))
                    .append(", \"goal\": ")
                    .append(quote(f.goal()))
                    .append(", \"verdict\": ")
                    .append(quote(f.verdict()))
                    .append('}');
        }
        json.append("\n  ],\n  \"runs\": [");
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"name\": ")
                    .append(quote(r.name()))
                    .append(String.format(
                            Locale.ROOT,
                            ", \"targetRate\": %.1f, \"seconds\": %.1f, \"accepted\": %d, \"errors\": %d, \"acceptedPerSecond\": %.1f,"
                                    + " \"latencyMillis\": {\"p50\": %s, \"p90\": %s, \"p99\": %s, \"p999\": %s, \"max\": %s},"
                                    + " \"longestAcceptStallMillis\": %d, \"errorKinds\": {",
                            r.targetRate(),
                            r.seconds(),
                            r.ok(),
                            r.errors(),
                            r.achievedRate(),
                            number(r.percentileMillis(50)),
                            number(r.percentileMillis(90)),
                            number(r.percentileMillis(99)),
                            number(r.percentileMillis(99.9)),
                            number(r.maxMillis()),
                            r.longestAcceptStallMillis()));
            List<String> kinds = new ArrayList<>();
            r.errorKinds().forEach((kind, count) -> kinds.add(quote(kind) + ": " + count));
            json.append(String.join(", ", kinds)).append("}}");
        }
        json.append("\n  ],\n  \"notes\": [");
        for (int i = 0; i < notes.size(); i++) {
            json.append(i == 0 ? "\n    " : ",\n    ").append(quote(notes.get(i)));
        }
        json.append("\n  ]\n}\n");
        return json.toString();
    }

    /** Writes {@code <scenario>-<timestamp>.md/.json/.svg} into {@code directory}; returns the markdown path. */
    Path write(Path directory) {
        String base = scenario + "-" + stamp("-").replace(":", "");
        try {
            Files.createDirectories(directory);
            Path md = directory.resolve(base + ".md");
            Files.writeString(md, markdown());
            Files.writeString(directory.resolve(base + ".json"), json());
            if (!plots.isEmpty()) {
                Files.writeString(
                        directory.resolve(base + ".svg"),
                        SvgPlot.render("Herald " + scenario + ": latency by percentile", plots));
            }
            return md;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the results to " + directory, e);
        }
    }

    private String stamp(String separator) {
        return DateTimeFormatter.ofPattern("yyyyMMdd'" + separator + "'HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(started);
    }

    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.3f", value);
    }
}
