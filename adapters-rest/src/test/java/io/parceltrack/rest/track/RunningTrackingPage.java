package io.parceltrack.rest.track;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.port.in.tracking.PublicParcelView;
import io.parceltrack.port.in.tracking.TrackParcelQuery;
import io.parceltrack.rest.AppHttpServer;
import io.parceltrack.rest.HttpServerSettings;
import io.parceltrack.rest.MutableClock;
import io.parceltrack.rest.RateLimitSettings;
import io.parceltrack.rest.ReadinessCheck;
import io.parceltrack.service.ManagerParcelService;
import io.parceltrack.service.PublicTrackingService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The tracking page on a random local port, as parcels-user-service serves it: the real public
 * tracking service over the in-memory parcels, a manager service to make parcels with, and a
 * clock the test moves. Reads of the use case are counted, and can be made to fail.
 */
final class RunningTrackingPage implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-03-05T12:00:00Z");
    static final String BOT = "parceltrack_bot";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger MANAGERS = new AtomicInteger(7_000_000);

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryParcelDatabase database = new InMemoryParcelDatabase();
    final ManagerParcelService managers = new ManagerParcelService(database, database, clock, new SecureRandom());
    final AtomicInteger reads = new AtomicInteger();
    final AtomicReference<Supplier<RuntimeException>> failure = new AtomicReference<>();
    final AppHttpServer server;
    final URI base;
    private final TelegramId manager = new TelegramId(MANAGERS.incrementAndGet());

    private RunningTrackingPage(UnaryOperator<TrackingPageSettings> tuning) {
        PublicTrackingService tracking = new PublicTrackingService(database);
        TrackParcelQuery counted = (number, page) -> {
            reads.incrementAndGet();
            Supplier<RuntimeException> failing = failure.get();
            if (failing != null) {
                throw failing.get();
            }
            return tracking.trackParcel(number, page);
        };
        TrackingPageSettings settings = tuning.apply(TrackingPageSettings.defaults(BOT)
                .withRateLimit(new RateLimitSettings(10_000, 10_000)));
        server = new AppHttpServer(HttpServerSettings.defaults().withAddress("127.0.0.1", 0)
                .withShutdownTimeout(Duration.ofMillis(300)), Map.<String, ReadinessCheck>of(),
                List.of(new TrackingPage(counted, settings, clock)));
        base = URI.create("http://127.0.0.1:" + server.start());
    }

    static RunningTrackingPage start() {
        return new RunningTrackingPage(UnaryOperator.identity());
    }

    static RunningTrackingPage start(UnaryOperator<TrackingPageSettings> tuning) {
        return new RunningTrackingPage(tuning);
    }

    /** A parcel with the recipient, address and description that must never show, and these checkpoints. */
    TrackNumber parcel(String name, Checkpoint... checkpoints) {
        Parcel parcel = managers.addParcel(new AddParcelCommand(manager, new ParcelDetails(name, "Anna Smirnova",
                "Kazan, Bauman st. 1, flat 12", Instant.parse("2026-03-10T15:00:00Z"), "gift for Anna, fragile")));
        for (Checkpoint checkpoint : checkpoints) {
            managers.addCheckpoint(new AddCheckpointCommand(manager, parcel.trackNumber(), checkpoint));
        }
        return parcel.trackNumber();
    }

    void addCheckpoint(TrackNumber number, Checkpoint checkpoint) {
        managers.addCheckpoint(new AddCheckpointCommand(manager, number, checkpoint));
    }

    static Checkpoint checkpoint(String time, String place, String description, ParcelStatus status) {
        return new Checkpoint(Instant.parse(time), place, description, status);
    }

    PublicParcelView view(TrackNumber number) {
        return new PublicTrackingService(database).trackParcel(number, PageRequest.firstDefault());
    }

    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    /** GET (or another method) with header name/value pairs; redirects are not followed. */
    HttpResponse<String> send(String method, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, headers);
    }

    @Override
    public void close() {
        server.stop();
    }
}
