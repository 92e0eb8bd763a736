package io.parceltrack.port.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceSpanTest {
    private final List<FinishedSpan> ended = new CopyOnWriteArrayList<>();

    TraceSpanTest() {
        TraceSpan.reportTo(ended::add);
    }

    @AfterEach
    void reportNowhere() {
        TraceSpan.reportTo(SpanRecorder.NONE);
    }

    @Test
    void continuesTheCallersSpanAndReportsItOnceWithItsParentNameAndAttributes() {
        TraceContext caller = TraceContext.start();
        TraceSpan span = TraceSpan.continueOrStart("GET", SpanKind.SERVER, caller.traceparent());
        try (CurrentTrace.Scope ignored = span.enter()) {
            assertThat(CurrentTrace.get()).isEqualTo(span.context());
        }
        span.rename("GET /api/v1/parcels").attribute("http.response.status_code", 200).end();
        span.end();

        assertThat(ended).singleElement().satisfies(finished -> {
            assertThat(finished.context().traceId()).isEqualTo(caller.traceId());
            assertThat(finished.context().spanId()).isNotEqualTo(caller.spanId());
            assertThat(finished.parentSpanId()).isEqualTo(caller.spanId());
            assertThat(finished.name()).isEqualTo("GET /api/v1/parcels");
            assertThat(finished.kind()).isEqualTo(SpanKind.SERVER);
            assertThat(finished.attributes()).containsEntry("http.response.status_code", "200");
            assertThat(finished.failed()).isFalse();
            assertThat(finished.endEpochNanos()).isGreaterThanOrEqualTo(finished.startEpochNanos());
        });
        assertThat(CurrentTrace.get()).isEmpty();
    }

    @Test
    void startsATraceWithoutParentWhenTheHeaderIsMissingOrMalformed() {
        TraceSpan.continueOrStart("GET", SpanKind.SERVER, "00-nonsense").end();

        assertThat(ended).singleElement().satisfies(finished -> assertThat(finished.parent()).isEmpty());
    }

    @Test
    void aSpanOfNothingClearsTheCurrentTraceWhileEnteredAndReportsNothing() {
        TraceContext outer = TraceContext.start();
        try (CurrentTrace.Scope ignored = CurrentTrace.enter(outer)) {
            TraceSpan nothing = TraceSpan.continueIfAny("fan out parcel event", SpanKind.CONSUMER, null);
            nothing.run(() -> assertThat(CurrentTrace.get()).isEmpty());
            assertThat(CurrentTrace.get()).contains(outer);
        }
        assertThat(ended).isEmpty();
    }

    @Test
    void aClientSpanIsAChildOfTheCurrentOne() {
        TraceContext current = TraceContext.start();
        TraceSpan call;
        try (CurrentTrace.Scope ignored = CurrentTrace.enter(current)) {
            call = TraceSpan.childOfCurrent("parceltrack.account.Manager/Authenticate", SpanKind.CLIENT);
        }
        call.end();

        assertThat(ended).singleElement().satisfies(finished -> {
            assertThat(finished.context().traceId()).isEqualTo(current.traceId());
            assertThat(finished.parentSpanId()).isEqualTo(current.spanId());
        });
        assertThat(TraceSpan.childOfCurrent("outside", SpanKind.CLIENT).context()).isEmpty();
    }

    @Test
    void workThatThrowsEndsItsSpanFailedAndRestoresTheTrace() {
        TraceSpan span = TraceSpan.continueOrStart("deliver notification", SpanKind.CONSUMER, null);

        assertThatThrownBy(() -> span.run(() -> {
            throw new IllegalStateException("the chat is gone");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(ended).singleElement().satisfies(finished -> {
            assertThat(finished.failed()).isTrue();
            assertThat(finished.error()).isEqualTo("IllegalStateException");
        });
        assertThat(CurrentTrace.get()).isEmpty();
    }

    @Test
    void anUnsampledTraceIsNotReported() {
        TraceSpan.continueOrStart("GET", SpanKind.SERVER, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00").end();

        assertThat(ended).isEmpty();
    }
}
