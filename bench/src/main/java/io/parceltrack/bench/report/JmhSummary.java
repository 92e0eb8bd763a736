package io.parceltrack.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Turns a JMH JSON result file ({@code -rf json -rff FILE}) into the Markdown table of
 * docs/BENCHMARKS.md: per benchmark the median over every measured iteration of every fork, the
 * interquartile range and the extremes, the ratio of its median to each reference's median (the
 * reference with the same thread count, measured in the same run), and, with {@code -prof gc},
 * bytes allocated per operation. JMH's own "score ± error" assumes a quiet machine; medians and
 * ratios do not.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.parceltrack.bench.report.JmhSummary FILE [REFERENCE...]</pre>
 *
 * A REFERENCE is the end of a benchmark's name, e.g. {@code ReferenceBenchmark.allocateSmallRecord}.
 */
public final class JmhSummary {
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    /** One benchmark's result, reduced to what the table shows. */
    record Row(String benchmark, String params, int threads, String unit, Distribution scores,
            Optional<Double> bytesPerOperation) {}

    private JmhSummary() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JmhSummary JMH-RESULT.json [REFERENCE-BENCHMARK...]");
            System.exit(2);
        }
        List<Row> rows = read(new ObjectMapper().readTree(Path.of(args[0]).toFile()));
        print(rows, List.of(args).subList(1, args.length), System.out);
    }

    static List<Row> read(JsonNode results) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode result : results) {
            JsonNode primary = result.path("primaryMetric");
            JsonNode allocation = result.path("secondaryMetrics").path(ALLOCATION);
            rows.add(new Row(
                    shortName(result.path("benchmark").asText()),
                    params(result.path("params")),
                    result.path("threads").asInt(),
                    primary.path("scoreUnit").asText(),
                    Distribution.of(iterationScores(primary.path("rawData"))),
                    allocation.isMissingNode() ? Optional.empty()
                            : Optional.of(Distribution.of(iterationScores(allocation.path("rawData"))).median())));
        }
        return rows;
    }

    static void print(List<Row> rows, List<String> references, PrintStream out) {
        StringBuilder header = new StringBuilder("| benchmark | params | threads | median | p25..p75 | min..max | unit |");
        references.forEach(reference -> header.append(" / ").append(reference).append(" |"));
        out.println(header.append(" B/op |"));
        out.println("|---|---|---|---|---|---|---|" + "---|".repeat(references.size()) + "---|");
        for (Row row : rows) {
            Distribution scores = row.scores();
            List<String> cells = new ArrayList<>(List.of(
                    row.benchmark(),
                    row.params(),
                    Integer.toString(row.threads()),
                    Figures.format(scores.median()),
                    Figures.format(scores.percentile(25)) + ".." + Figures.format(scores.percentile(75)),
                    Figures.format(scores.min()) + ".." + Figures.format(scores.max()),
                    row.unit()));
            references.forEach(reference -> cells.add(ratioToReference(row, rows, reference)));
            cells.add(row.bytesPerOperation().map(Figures::format).orElse(""));
            out.println("| " + String.join(" | ", cells) + " |");
        }
        out.println();
        out.println("Iterations per benchmark: " + rows.stream()
                .map(row -> Integer.toString(row.scores().count())).distinct().reduce((a, b) -> a + ", " + b).orElse("-")
                + " (every measured iteration of every fork).");
    }

    private static String ratioToReference(Row row, List<Row> rows, String reference) {
        return rows.stream()
                .filter(candidate -> candidate.benchmark().endsWith(reference) && candidate.threads() == row.threads())
                .findFirst()
                .map(ref -> Figures.format(row.scores().median() / ref.scores().median()))
                .orElse("");
    }

    private static double[] iterationScores(JsonNode rawData) {
        List<Double> scores = new ArrayList<>();
        rawData.forEach(fork -> fork.forEach(iteration -> scores.add(iteration.asDouble())));
        return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {@code io.parceltrack.bench.service.X.method} becomes {@code X.method}. */
    private static String shortName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    private static String params(JsonNode params) {
        StringJoiner joined = new StringJoiner(", ");
        for (Map.Entry<String, JsonNode> param : params.properties()) {
            joined.add(param.getKey() + "=" + param.getValue().asText());
        }
        return joined.toString();
    }
}
