package org.herald.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {

    private static RunResult run(String name, double rate, long ok, long errors, long... micros) {
        Histogram histogram = new Histogram(3);
        for (long value : micros) {
            histogram.recordValue(value);
        }
        return new RunResult(name, rate, 10, ok, errors, ok, errors, histogram, Map.of(), 0, 0, 0);
    }

    @Test
    void shouldRenderAPercentileTableWithOneRowPerRun() {
        String table = Report.runTable(List.of(run("ingest direct", 2000, 20_000, 3, 1_000, 2_000, 50_000)));

        assertThat(table.lines().toList())
                .containsExactly(
                        "| run | rate/s | accepted/s | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |",
                        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
                        "| ingest direct | 2,000 | 2,000 | 3 | 2.00 | 50.02 | 50.02 | 50.02 | 50.02 |");
    }

    @Test
    void shouldShowADashForARunWithoutOneAcceptedRequest() {
        String table = Report.runTable(List.of(run("gateway", 500, 0, 10)));

        assertThat(table).contains("| gateway | 500 | 0.00 | 10 | – | – | – | – | – |");
    }

    @Test
    void shouldEscapeCellsThatWouldBreakTheTable() {
        assertThat(MarkdownTable.cell("a|b\nc")).isEqualTo("a\\|b c");
        assertThat(MarkdownTable.cell(12_345L)).isEqualTo("12,345");
        assertThat(MarkdownTable.cell(1.5)).isEqualTo("1.50");
    }

    @Test
    void shouldWriteJsonWithFiguresAndRuns() {
        Report report = new Report("ingest", "./bench ingest");
        report.add(run("ingest direct", 2000, 20_000, 0, 1_000));
        report.figure("gateway adds at p50", "1.20 ms", "≤ 2 ms", true);
        report.note("a \"quoted\" note");

        String json = report.json();

        assertThat(json)
                .contains("\"scenario\": \"ingest\"")
                .contains(
                        "{\"name\": \"gateway adds at p50\", \"value\": \"1.20 ms\", \"goal\": \"≤ 2 ms\", \"verdict\": \"met\"}")
                .contains("\"acceptedPerSecond\": 2000.0")
                .contains("\"a \\\"quoted\\\" note\"");
    }

    @Test
    void shouldPlotOneLinePerNonEmptyHistogram() {
        Histogram a = new Histogram(3);
        a.recordValue(1_000);
        String svg = SvgPlot.render("t", Map.of("accept", a, "empty", new Histogram(3)));

        assertThat(svg).startsWith("<svg").contains("accept").doesNotContain(">empty<");
        assertThat(svg.split("<polyline", -1)).hasSize(2);
    }

    @Test
    void shouldStopTheCeilingAtTheFirstStepThatBreaksALimit() {
        Ceiling.Limits limits = new Ceiling.Limits(0.01, 100, 0.95);
        Ceiling.Result result = Ceiling.find(
                "x",
                Ceiling.rates(1000, 1000, 4000),
                limits,
                rate -> rate < 3000
                        ? run("x", rate, (long) (rate * 10), 0, 5_000)
                        : run("x", rate, (long) (rate * 10), 0, 500_000));

        assertThat(result.steps()).hasSize(3);
        assertThat(result.ceilingPerSecond()).isEqualTo(2000);
        assertThat(result.stoppedBecause()).startsWith("at 3000/s: p99");
    }
}
