package io.parceltrack.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JmhSummaryTest {
    /** The shape JMH 1.37 writes with -rf json: rawData is one array of iteration scores per fork. */
    private static final String RESULTS = """
            [
              {"benchmark": "io.parceltrack.bench.ReferenceBenchmark.allocateSmallRecord", "mode": "avgt",
               "threads": 1, "forks": 2,
               "primaryMetric": {"score": 2.0, "scoreUnit": "ns/op", "rawData": [[2.0, 2.2], [1.8, 2.0]]},
               "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 32.0, "rawData": [[32.0, 32.0], [32.0, 32.0]]}}},
              {"benchmark": "io.parceltrack.bench.service.InMemoryCheckpointBenchmark.addCheckpoint", "mode": "avgt",
               "threads": 1, "forks": 2, "params": {"parcels": "1000", "random": "secure"},
               "primaryMetric": {"score": 600.0, "scoreUnit": "ns/op", "rawData": [[500.0, 900.0], [600.0, 600.0]]},
               "secondaryMetrics": {}}
            ]
            """;

    @Test
    void summarisesEveryIterationOfEveryForkAsMedianAndRatioToTheReference() throws Exception {
        List<JmhSummary.Row> rows = JmhSummary.read(new ObjectMapper().readTree(RESULTS));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        JmhSummary.print(rows, List.of("ReferenceBenchmark.allocateSmallRecord"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(rows.get(1).scores().count()).isEqualTo(4);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(
                "| benchmark | params | threads | median | p25..p75 | min..max | unit "
                        + "| / ReferenceBenchmark.allocateSmallRecord | B/op |",
                "| ReferenceBenchmark.allocateSmallRecord |  | 1 | 2.00 | 1.95..2.05 | 1.80..2.20 | ns/op | 1.00 | 32.0 |",
                "| InMemoryCheckpointBenchmark.addCheckpoint | parcels=1000, random=secure | 1 | 600 | 575..675 | 500..900 | ns/op | 300 |  |");
    }
}
