package io.parceltrack.apps.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parceltrack.telegram.emulator.ChatMessage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scenario of the fault suite: five new parcels, 25 people subscribed to two of them each, a
 * manager's system posting checkpoints round the parcels for a while (each request retried with
 * its idempotency key until the API accepts it, as docs/API.md tells a client to) while the fault
 * strikes; then it waits for the notifications and counts what every person's chat received.
 */
final class FaultRun {
    static final int PARCELS = 5;
    static final int PEOPLE = 25;
    static final int SUBSCRIPTIONS_PER_PERSON = 2;
    private static final Duration POST_EVERY = Duration.ofMillis(700);
    private static final Duration REQUEST_PATIENCE = Duration.ofSeconds(90);
    private static final Duration DELIVERY_PATIENCE = Duration.ofSeconds(120);
    /** After the last expected message: long enough for a late duplicate to show up. */
    private static final Duration SETTLE = Duration.ofSeconds(4);

    /**
     * What a scenario does to the system. {@code strike} begins at the fault's moment and returns
     * the instant recovery is measured from: the restart of what it killed, the database given
     * back. It may wait for more (a restarted process to be ready) before it returns.
     */
    interface Fault {
        Instant strike(FaultSystem system) throws Exception;
    }

    /** The outcome: one row of the table. */
    record Result(String scenario, int accepted, int expected, int received, int lost, int duplicated, int reordered,
            int clientErrors, Duration recovery, Duration maxWait, long outboxLeft, long deadLetters) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final FaultSystem system;
    private final String scenario;
    private final String marker;
    private final long firstChat;
    private final List<String> parcels = new ArrayList<>();
    private final Map<Integer, Instant> acceptedAt = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> parcelOf = new ConcurrentHashMap<>();
    private final AtomicInteger clientErrors = new AtomicInteger();
    /** Each chat's checkpoint numbers in the order its messages arrived. */
    private final Map<Long, List<Integer>> orderInChat = new HashMap<>();

    FaultRun(FaultSystem system, String scenario, int index) {
        this.system = system;
        this.scenario = scenario;
        this.marker = "f" + index + "c";
        this.firstChat = 8_000_000L + 1_000L * index;
    }

    /**
     * Posts {@code checkpoints} checkpoints {@link #POST_EVERY} apart; the fault strikes after
     * {@code faultAfter} of them, on a thread of its own so that posting goes on meanwhile.
     */
    Result run(int checkpoints, int faultAfter, Fault faultToStrike, long deadLettersBefore) throws Exception {
        for (int p = 0; p < PARCELS; p++) {
            parcels.add(createParcel(p));
        }
        for (int person = 0; person < PEOPLE; person++) {
            system.subscribe(firstChat + person, subscriptionsOf(person).stream().map(parcels::get).toList());
        }
        Instant[] fault = new Instant[2];
        Throwable[] faultFailed = new Throwable[1];
        Thread striker = null;
        Map<Long, Map<Integer, List<Instant>>> firstSeen = new HashMap<>();
        Thread watcher = new Thread(() -> watch(firstSeen), "watch " + scenario);
        watcher.setDaemon(true);
        watcher.start();
        for (int n = 0; n < checkpoints; n++) {
            if (n == faultAfter) {
                fault[0] = Instant.now();
                striker = new Thread(() -> {
                    try {
                        fault[1] = faultToStrike.strike(system);
                    } catch (Throwable e) {
                        faultFailed[0] = e;
                    }
                }, "fault " + scenario);
                striker.start();
            }
            long began = System.nanoTime();
            post(n);
            long rest = POST_EVERY.toNanos() - (System.nanoTime() - began);
            if (rest > 0) {
                Thread.sleep(Duration.ofNanos(rest).toMillis());
            }
        }
        if (striker != null) {
            striker.join(Duration.ofMinutes(4).toMillis());
        }
        if (faultFailed[0] != null) {
            throw new AssertionError("the fault of " + scenario + " failed", faultFailed[0]);
        }
        if (fault[1] == null) {
            throw new AssertionError("the fault of " + scenario + " did not end");
        }
        watcher.interrupt();
        watcher.join();
        awaitNotifications(firstSeen);
        return count(firstSeen, fault[0], fault[1], deadLettersBefore);
    }

    /** Notes, every 100 ms while checkpoints are being posted, when each notification shows up. */
    private void watch(Map<Long, Map<Integer, List<Instant>>> firstSeen) {
        while (!Thread.currentThread().isInterrupted()) {
            observe(firstSeen);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Person {@code i} follows parcels i and i+1 (mod 5): ten people per parcel. */
    private static List<Integer> subscriptionsOf(int person) {
        return List.of(person % PARCELS, (person + 1) % PARCELS);
    }

    private int subscribersOf(int parcel) {
        int count = 0;
        for (int person = 0; person < PEOPLE; person++) {
            count += subscriptionsOf(person).contains(parcel) ? 1 : 0;
        }
        return count;
    }

    private void awaitNotifications(Map<Long, Map<Integer, List<Instant>>> firstSeen) throws InterruptedException {
        int expected = expected();
        long deadline = System.nanoTime() + DELIVERY_PATIENCE.toNanos();
        long settledAt = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, settledAt)) {
            int received = observe(firstSeen);
            if (received >= expected && settledAt == Long.MAX_VALUE) {
                settledAt = System.nanoTime() + SETTLE.toNanos();
            }
            Thread.sleep(100);
        }
        observe(firstSeen);
    }

    /** Reads every chat; notes when each notification was first seen. Returns how many there are. */
    private synchronized int observe(Map<Long, Map<Integer, List<Instant>>> firstSeen) {
        Pattern checkpoint = Pattern.compile("\\b" + marker + "(\\d+)\\b");
        Instant now = Instant.now();
        int total = 0;
        for (int person = 0; person < PEOPLE; person++) {
            long chat = firstChat + person;
            List<Integer> inOrder = new ArrayList<>();
            for (ChatMessage message : system.userBot().botMessages(chat)) {
                Matcher found = checkpoint.matcher(message.text());
                if (found.find()) {
                    inOrder.add(Integer.parseInt(found.group(1)));
                }
            }
            Map<Integer, List<Instant>> ofChat = firstSeen.computeIfAbsent(chat, key -> new LinkedHashMap<>());
            Map<Integer, Integer> counts = new HashMap<>();
            for (int n : inOrder) {
                int k = counts.merge(n, 1, Integer::sum);
                List<Instant> times = ofChat.computeIfAbsent(n, key -> new ArrayList<>());
                if (times.size() < k) {
                    times.add(now);
                }
            }
            orderInChat.put(chat, inOrder);
            total += inOrder.size();
        }
        return total;
    }

    private int expected() {
        int expected = 0;
        for (int n : acceptedAt.keySet()) {
            expected += subscribersOf(parcelOf.get(n));
        }
        return expected;
    }

    /**
     * Recovery: from the instant the fault ended (restart, database back) to the first
     * notification of a checkpoint accepted after the fault began; never negative.
     */
    private Result count(Map<Long, Map<Integer, List<Instant>>> seen, Instant faultBegan, Instant faultEnded,
            long deadLettersBefore) {
        int received = 0;
        int lost = 0;
        int duplicated = 0;
        int reordered = 0;
        Duration maxWait = Duration.ZERO;
        Instant firstAfterFault = null;
        for (int person = 0; person < PEOPLE; person++) {
            long chat = firstChat + person;
            Map<Integer, List<Instant>> ofChat = seen.getOrDefault(chat, Map.of());
            for (int parcel : subscriptionsOf(person)) {
                for (Map.Entry<Integer, Instant> accepted : acceptedAt.entrySet()) {
                    if (parcelOf.get(accepted.getKey()) != parcel) {
                        continue;
                    }
                    List<Instant> times = ofChat.getOrDefault(accepted.getKey(), List.of());
                    if (times.isEmpty()) {
                        lost++;
                        continue;
                    }
                    duplicated += times.size() - 1;
                    Duration wait = Duration.between(accepted.getValue(), times.get(0));
                    maxWait = wait.compareTo(maxWait) > 0 ? wait : maxWait;
                }
            }
            received += ofChat.values().stream().mapToInt(List::size).sum();
            // Per parcel, the checkpoints' numbers must rise through the chat.
            Map<Integer, Integer> lastOfParcel = new HashMap<>();
            for (int n : orderInChat.getOrDefault(chat, List.of())) {
                Integer previous = lastOfParcel.put(parcelOf.get(n), n);
                if (previous != null && previous > n) {
                    reordered++;
                }
            }
            for (Map.Entry<Integer, List<Instant>> checkpoint : ofChat.entrySet()) {
                Instant accepted = acceptedAt.get(checkpoint.getKey());
                if (accepted != null && accepted.isAfter(faultBegan)) {
                    Instant first = checkpoint.getValue().get(0);
                    firstAfterFault = firstAfterFault == null || first.isBefore(firstAfterFault) ? first : firstAfterFault;
                }
            }
        }
        Duration recovery = firstAfterFault == null ? Duration.ofDays(1)
                : Duration.between(faultEnded, firstAfterFault.isAfter(faultEnded) ? firstAfterFault : faultEnded);
        long outbox = awaitEmptyOutbox();
        return new Result(scenario, acceptedAt.size(), expected(), received, lost, duplicated, reordered,
                clientErrors.get(), recovery, maxWait, outbox, system.deadLetters() - deadLettersBefore);
    }

    private long awaitEmptyOutbox() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long rows = system.outboxRows();
        while (rows > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            rows = system.outboxRows();
        }
        return rows;
    }

    private String createParcel(int p) throws Exception {
        ObjectNode parcel = json.createObjectNode()
                .put("parcel_name", "Fault parcel " + p)
                .put("parcel_recipient", "Recipient " + p)
                .put("parcel_arrival_address", "Kazan, Baumana " + (p + 1))
                .put("parcel_forecast_date", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("parcel_description", "");
        HttpResponse<String> created = until201(request("/api/v1/parcels", parcel, UUID.randomUUID().toString()));
        return json.readTree(created.body()).path("parcel_track_number").asText();
    }

    private void post(int n) throws Exception {
        int parcel = n % PARCELS;
        ObjectNode checkpoint = json.createObjectNode()
                .put("parcel_track_number", parcels.get(parcel))
                .put("checkpoint_time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
                .put("checkpoint_place", "Hub " + parcel)
                .put("checkpoint_description", marker + n)
                .put("checkpoint_parcel_status", "IN_TRANSIT");
        parcelOf.put(n, parcel);
        until201(request("/api/v1/checkpoints", checkpoint, UUID.randomUUID().toString()));
        acceptedAt.put(n, Instant.now());
    }

    private HttpRequest request(String path, ObjectNode body, String key) {
        return HttpRequest.newBuilder(system.api().resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + system.token())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    /** Sends (again, same key) until the API answers 201; every other outcome counts as a client error. */
    private HttpResponse<String> until201(HttpRequest request) throws InterruptedException {
        long deadline = System.nanoTime() + REQUEST_PATIENCE.toNanos();
        String last = "nothing";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 201) {
                    return answer;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString();
            }
            clientErrors.incrementAndGet();
            Thread.sleep(250);
        }
        throw new AssertionError(scenario + ": " + request.uri() + " not accepted within " + REQUEST_PATIENCE
                + "; last answer: " + last);
    }
}
