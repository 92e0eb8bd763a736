package io.parceltrack.apps.e2e;

import java.net.http.HttpClient;
import java.util.List;

/**
 * The counters a checkpoint moves on its way to a chat, summed over every process's
 * {@code /metrics}: the sum is the same whether the flow crosses six processes or runs in one.
 */
record FlowCounters(long checkpointsRecorded, long checkpointPostsAnswered201, long eventsRelayed,
        long deliveriesProduced, long deliveriesSent, long deliveriesDuplicate, long deadLetters) {

    static FlowCounters scrape(HttpClient http, List<AppProcess> processes) {
        long[] sums = new long[7];
        for (AppProcess process : processes) {
            ScrapedMetrics metrics = ScrapedMetrics.of(http, process);
            sums[0] += (long) metrics.sum("parceltrack_checkpoints_recorded_total");
            sums[1] += (long) metrics.sum("parceltrack_http_server_requests_seconds_count",
                    "method=\"POST\"", "route=\"/api/v1/checkpoints\"", "status=\"201\"");
            sums[2] += (long) metrics.sum("parceltrack_outbox_events_relayed_total");
            sums[3] += (long) metrics.sum("parceltrack_fanout_deliveries_produced_total");
            sums[4] += (long) metrics.sum("parceltrack_deliveries_total", "outcome=\"sent\"");
            sums[5] += (long) metrics.sum("parceltrack_deliveries_total", "outcome=\"duplicate\"");
            sums[6] += (long) metrics.sum("parceltrack_kafka_dead_letters_total");
        }
        return new FlowCounters(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6]);
    }

    /** How far each counter moved since {@code before}. */
    FlowCounters since(FlowCounters before) {
        return new FlowCounters(checkpointsRecorded - before.checkpointsRecorded,
                checkpointPostsAnswered201 - before.checkpointPostsAnswered201, eventsRelayed - before.eventsRelayed,
                deliveriesProduced - before.deliveriesProduced, deliveriesSent - before.deliveriesSent,
                deliveriesDuplicate - before.deliveriesDuplicate, deadLetters - before.deadLetters);
    }

    /** {@code checkpoints} posted, each to {@code subscribers} subscribers, all sent once, none lost. */
    static FlowCounters expected(int checkpoints, int subscribers) {
        return new FlowCounters(checkpoints, checkpoints, checkpoints, (long) checkpoints * subscribers,
                (long) checkpoints * subscribers, 0, 0);
    }
}
