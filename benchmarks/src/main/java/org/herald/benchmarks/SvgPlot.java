package org.herald.benchmarks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A latency-by-percentile chart as SVG: the x axis spreads the tail (0 %, 90 %, 99 %, 99.9 %,
 * 99.99 % equally spaced), the y axis is milliseconds. One line per histogram.
 */
final class SvgPlot {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf"
    };
    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;
    private static final int LEFT = 70;
    private static final int RIGHT = 220;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final double MAX_NINES = 4;

    private SvgPlot() {}

    /** @param seriesMicros histograms in microseconds, by label */
    static String render(String title, Map<String, Histogram> seriesMicros) {
        Map<String, Histogram> series = new LinkedHashMap<>();
        seriesMicros.forEach((label, histogram) -> {
            if (histogram.getTotalCount() > 0) {
                series.put(label, histogram);
            }
        });
        double maxMillis = series.values().stream()
                .mapToDouble(h -> h.getValueAtPercentile(99.99) / 1000.0)
                .max()
                .orElse(1);
        maxMillis = niceCeiling(maxMillis);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH,
                HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\">%s</text>%n", LEFT, escape(title)));
        for (int nines = 0; nines <= MAX_NINES; nines++) {
            double x = LEFT + plotWidth * nines / MAX_NINES;
            String label = nines == 0 ? "0%" : (100 - 100 * Math.pow(10, -nines)) + "%";
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x,
                    TOP,
                    x,
                    TOP + plotHeight,
                    x,
                    TOP + plotHeight + 18,
                    label.replace(".0%", "%")));
        }
        for (int step = 0; step <= 5; step++) {
            double value = maxMillis * step / 5;
            double y = TOP + plotHeight - plotHeight * step / 5.0;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT,
                    y,
                    LEFT + plotWidth,
                    y,
                    LEFT - 6,
                    y + 4,
                    trim(value) + " ms"));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
                LEFT + plotWidth / 2,
                HEIGHT - 10));
        int index = 0;
        for (Map.Entry<String, Histogram> entry : series.entrySet()) {
            String colour = COLOURS[index % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (double nines = 0; nines <= MAX_NINES + 1e-9; nines += 0.05) {
                double percentile = 100 * (1 - Math.pow(10, -nines));
                double millis = entry.getValue().getValueAtPercentile(percentile) / 1000.0;
                double x = LEFT + plotWidth * nines / MAX_NINES;
                double y = TOP + plotHeight - plotHeight * Math.min(millis, maxMillis) / maxMillis;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                    colour,
                    points.toString().trim()));
            int legendY = TOP + 10 + 20 * index;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>"
                            + "<text x=\"%d\" y=\"%d\">%s</text>%n",
                    WIDTH - RIGHT + 15,
                    legendY,
                    WIDTH - RIGHT + 35,
                    legendY,
                    colour,
                    WIDTH - RIGHT + 40,
                    legendY + 4,
                    escape(entry.getKey())));
            index++;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code value}. */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= value) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
