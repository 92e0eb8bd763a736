package io.parceltrack.port.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceContextTest {
    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void readsTheSpecificationsExample() {
        TraceContext trace = TraceContext.parse(VALID).orElseThrow();

        assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(trace.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(trace.sampled()).isTrue();
        assertThat(trace.traceparent()).isEqualTo(VALID);
    }

    @Test
    void readsALaterVersionByItsFirstFourFields() {
        assertThat(TraceContext.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-what-comes-next"))
                .map(TraceContext::traceparent)
                .contains("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "0g-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-zz",
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",
            "00-4bf92f3577b34da6a3ce929d0e0e473\u00e9-00f067aa0ba902b7-01"})
    void refusesMalformedHeaders(String header) {
        assertThat(TraceContext.parse(header)).isEmpty();
    }

    @Test
    void refusesAbsentAndOverlongHeadersUnread() {
        assertThat(TraceContext.parse(null)).isEmpty();
        assertThat(TraceContext.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-" + "a".repeat(10_000)))
                .isEmpty();
    }

    @Test
    void aChildKeepsTheTraceUnderANewSpan() {
        TraceContext parent = TraceContext.parse(VALID).orElseThrow();
        TraceContext child = parent.child(new SplittableRandom(1));

        assertThat(child.traceId()).isEqualTo(parent.traceId());
        assertThat(child.spanId()).isNotEqualTo(parent.spanId()).hasSize(16);
        assertThat(child.flags()).isEqualTo(parent.flags());
    }

    @Test
    void aNewTraceIsSampledAndWellFormed() {
        TraceContext trace = TraceContext.start(new SplittableRandom(7));

        assertThat(TraceContext.parse(trace.traceparent())).contains(trace);
        assertThat(trace.sampled()).isTrue();
        assertThat(TraceContext.start(new SplittableRandom(8)).traceId()).isNotEqualTo(trace.traceId());
    }

    @Test
    void refusesIdsThatAreNotW3cIds() {
        assertThatThrownBy(() -> new TraceContext("abc", "00f067aa0ba902b7", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00F067AA0BA902B7", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", 256))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scopesNestAndRestoreWhatWasCurrent() {
        List<Optional<TraceContext>> seen = new ArrayList<>();
        CurrentTrace.observe(seen::add);
        try {
            TraceContext outer = TraceContext.parse(VALID).orElseThrow();
            try (CurrentTrace.Scope ignored = CurrentTrace.enter(outer)) {
                try (CurrentTrace.Scope inner = CurrentTrace.continueIfAny("not a traceparent")) {
                    assertThat(CurrentTrace.get()).isEmpty();
                }
                assertThat(CurrentTrace.traceparent()).isEqualTo(VALID);
                try (CurrentTrace.Scope inner = CurrentTrace.continueOrStart(VALID)) {
                    assertThat(CurrentTrace.get().orElseThrow().traceId()).isEqualTo(outer.traceId());
                    assertThat(CurrentTrace.get().orElseThrow().spanId()).isNotEqualTo(outer.spanId());
                }
            }
            assertThat(CurrentTrace.get()).isEmpty();
            assertThat(seen).hasSize(6).last().isEqualTo(Optional.empty());
        } finally {
            CurrentTrace.observe(change -> {});
        }
    }

    @Test
    void startsATraceWhenTheOfferedOneIsMalformed() {
        try (CurrentTrace.Scope ignored = CurrentTrace.continueOrStart("00-nonsense")) {
            assertThat(CurrentTrace.get()).isPresent();
        }
        assertThat(CurrentTrace.get()).isEmpty();
    }
}
