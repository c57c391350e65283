package org.herald.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A GitHub-flavoured markdown table: a header, rows of cells, numbers right-aligned. */
final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    MarkdownTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(MarkdownTable::cell).toList());
        return this;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int column = 0; column < header.size(); column++) {
            out.append(column == 0 ? "---|" : "---:|");
        }
        out.append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    /** Whole numbers with thousands separators, others with up to two decimals, NaN as a dash. */
    static String cell(Object value) {
        if (value instanceof Double number) {
            if (number.isNaN() || number.isInfinite()) {
                return "–";
            }
            if (Math.abs(number) >= 100) {
                return String.format(java.util.Locale.ROOT, "%,.0f", number);
            }
            return String.format(java.util.Locale.ROOT, "%.2f", number);
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format(java.util.Locale.ROOT, "%,d", value);
        }
        return String.valueOf(value).replace("|", "\\|").replace("\n", " ");
    }
}
