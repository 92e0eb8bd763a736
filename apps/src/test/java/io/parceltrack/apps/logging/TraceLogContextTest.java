package io.parceltrack.apps.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.parceltrack.port.trace.CurrentTrace;
import io.parceltrack.port.trace.TraceContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A JSON line written within a trace carries its ids; one written after the trace ended does not. */
class TraceLogContextTest {
    private final PrintStream originalOut = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        System.setOut(originalOut);
    }

    @Test
    void jsonLinesWithinATraceCarryItsIdsAndNoneAfter() {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggingSetup.configure(new LoggingSetup.Settings("notification-service", LoggingSetup.Format.JSON, Level.INFO, "",
                List.of()));
        TraceContext trace = TraceContext.start();

        try (CurrentTrace.Scope ignored = CurrentTrace.enter(trace)) {
            LoggerFactory.getLogger("test").info("within");
        }
        LoggerFactory.getLogger("test").info("after");

        // Only this test's logger: the surefire JVM is shared, and a thread another test left behind
        // (a JDK HttpClient's selector, say) may still print to standard output while it is captured.
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("\"logger_name\":\"test\""))
                .toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"trace_id\":\"" + trace.traceId() + "\"")
                .contains("\"span_id\":\"" + trace.spanId() + "\"");
        assertThat(lines.get(1)).doesNotContain("trace_id").doesNotContain("span_id");
    }
}
