package io.parceltrack.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.TestClock;
import io.parceltrack.contract.WebhookFixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.memory.InMemoryWebhookDatabase;
import io.parceltrack.port.in.webhook.EnqueueWebhooksUseCase;
import io.parceltrack.port.out.webhook.WebhookEndpointStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The webhook consumer hands a batch of events to one enqueuer, which reads each manager's endpoints once. */
class WebhookEnqueueBatchTest {
    private final Random random = new Random(5);
    private final InMemoryWebhookDatabase database = new InMemoryWebhookDatabase();
    private final Map<TelegramId, Integer> lookups = new HashMap<>();
    /** The database, counting who asked for whose endpoints. */
    private final WebhookEndpointStore endpoints = (WebhookEndpointStore) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {WebhookEndpointStore.class}, (proxy, method, args) -> {
                if (method.getName().equals("findByManager")) {
                    lookups.merge((TelegramId) args[0], 1, Integer::sum);
                }
                try {
                    return method.invoke(database, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    private final WebhookEnqueueService enqueue = new WebhookEnqueueService(endpoints, database,
            new InMemoryParcelDatabase(), new TestClock(Fixtures.T0), () -> {});
    private final TelegramId first = Fixtures.newId();
    private final TelegramId second = Fixtures.newId();

    WebhookEnqueueBatchTest() {
        database.insert(WebhookFixtures.endpoint(first), 10);
        database.insert(WebhookFixtures.endpoint(second), 10);
    }

    private List<ParcelEvent> checkpointsOf(TelegramId manager, int count) {
        return IntStream.range(0, count).mapToObj(i -> ParcelEvent.checkpointRecorded(EventId.random(random),
                Fixtures.parcel(manager), Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT), Fixtures.T0)).toList();
    }

    @Test
    void aBatchReadsEachManagersEndpointsOnceAndSchedulesWhatSingleEventsWould() {
        List<ParcelEvent> events = new ArrayList<>(checkpointsOf(first, 3));
        events.addAll(checkpointsOf(second, 2));
        int single = enqueue.enqueue(checkpointsOf(first, 1).get(0));

        EnqueueWebhooksUseCase batch = enqueue.forBatch();
        List<Integer> scheduled = events.stream().map(batch::enqueue).toList();

        assertThat(single).isPositive();
        assertThat(scheduled).hasSize(5).containsOnly(single);
        assertThat(lookups).as("one for the single event, one for the batch's three")
                .containsEntry(first, 1 + 1).containsEntry(second, 1);
    }

    @Test
    void eachBatchReadsTheEndpointsAfresh() {
        enqueue.forBatch().enqueue(checkpointsOf(first, 1).get(0));
        database.insert(WebhookFixtures.endpoint(first), 10);

        int scheduled = enqueue.forBatch().enqueue(checkpointsOf(first, 1).get(0));

        assertThat(scheduled).as("the endpoint registered since the last batch counts").isEqualTo(2 * single());
        assertThat(lookups).containsEntry(first, 2);
    }

    private int single() {
        return enqueue.enqueue(checkpointsOf(second, 1).get(0));
    }
}
