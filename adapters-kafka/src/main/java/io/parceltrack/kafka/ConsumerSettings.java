package io.parceltrack.kafka;

import static io.parceltrack.kafka.KafkaClientSettings.requirePositive;

import java.time.Duration;
import java.util.Objects;

/**
 * How one of our consumer groups polls and retries.
 *
 * @param maxPollRecords the most records handled as one batch (one commit)
 * @param pollTimeout how long one poll waits for records; also bounds how quickly a stop is noticed
 * @param maxPollInterval how long handling one batch may take before the group gives the member's
 *     partitions to another
 * @param firstRetryBackoff the pause after a failed batch, doubled on each failure in a row
 * @param maxRetryBackoff the longest pause between retries
 * @param sessionTimeout how long the group waits for a member that stopped heartbeating (killed)
 *     before giving its partitions to others
 * @param groupInstanceId empty for a dynamic member; else this instance's stable id, which makes it
 *     a static member: restarted with the same id, it gets its partitions back at once, without a
 *     rebalance and without waiting for its previous life's session to expire. Two live members of
 *     a group must never share one (the newer fences the older off).
 */
public record ConsumerSettings(
        String groupId,
        String clientId,
        int maxPollRecords,
        Duration pollTimeout,
        Duration maxPollInterval,
        Duration firstRetryBackoff,
        Duration maxRetryBackoff,
        Duration sessionTimeout,
        String groupInstanceId) {
    /** Ten seconds: a killed member's partitions move on quickly, a long GC pause does not lose them. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(10);

    /** A dynamic member with the default session timeout. */
    public ConsumerSettings(String groupId, String clientId, int maxPollRecords, Duration pollTimeout,
            Duration maxPollInterval, Duration firstRetryBackoff, Duration maxRetryBackoff) {
        this(groupId, clientId, maxPollRecords, pollTimeout, maxPollInterval, firstRetryBackoff, maxRetryBackoff,
                DEFAULT_SESSION_TIMEOUT, "");
    }

    public ConsumerSettings {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(clientId, "clientId");
        if (groupId.isBlank()) {
            throw new IllegalArgumentException("groupId must not be blank");
        }
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be positive");
        }
        requirePositive(pollTimeout, "pollTimeout");
        requirePositive(maxPollInterval, "maxPollInterval");
        requirePositive(firstRetryBackoff, "firstRetryBackoff");
        requirePositive(maxRetryBackoff, "maxRetryBackoff");
        if (maxRetryBackoff.compareTo(firstRetryBackoff) < 0) {
            throw new IllegalArgumentException("maxRetryBackoff must not be shorter than firstRetryBackoff");
        }
        if (maxRetryBackoff.compareTo(maxPollInterval) >= 0) {
            throw new IllegalArgumentException("maxRetryBackoff must be shorter than maxPollInterval");
        }
        requirePositive(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(groupInstanceId, "groupInstanceId");
    }

    public static ConsumerSettings defaults(String groupId, String clientId, int maxPollRecords) {
        return new ConsumerSettings(groupId, clientId, maxPollRecords, Duration.ofMillis(500), Duration.ofMinutes(5),
                Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    public ConsumerSettings withGroupId(String newGroupId) {
        return new ConsumerSettings(newGroupId, clientId, maxPollRecords, pollTimeout, maxPollInterval,
                firstRetryBackoff, maxRetryBackoff, sessionTimeout, groupInstanceId);
    }

    public ConsumerSettings withRetryBackoff(Duration first, Duration max) {
        return new ConsumerSettings(groupId, clientId, maxPollRecords, pollTimeout, maxPollInterval, first, max,
                sessionTimeout, groupInstanceId);
    }

    /** The same, as the static member {@code instanceId} with {@code session} as its session timeout. */
    public ConsumerSettings asStaticMember(String instanceId, Duration session) {
        return new ConsumerSettings(groupId, clientId, maxPollRecords, pollTimeout, maxPollInterval,
                firstRetryBackoff, maxRetryBackoff, session, instanceId);
    }
}
