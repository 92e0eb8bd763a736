package io.parceltrack.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.UnauthenticatedException;
import io.parceltrack.port.in.account.AuthenticateApiTokenUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedTokenAuthenticationTest {
    private static final Duration TTL = Duration.ofSeconds(5);

    /** The account service as far as tokens go: who holds which, and how often it was asked. */
    private static final class Accounts implements AuthenticateApiTokenUseCase {
        final Map<String, TelegramId> holders = new ConcurrentHashMap<>();
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public TelegramId authenticate(String presentedToken) {
            asked.incrementAndGet();
            TelegramId holder = holders.get(presentedToken);
            if (holder == null) {
                throw new UnauthenticatedException("unknown API token");
            }
            return holder;
        }
    }

    private final Accounts accounts = new Accounts();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final CachedTokenAuthentication cached = new CachedTokenAuthentication(accounts, TTL, 2, clock);

    @Test
    void aSuccessfulCheckIsReusedWithinItsTimeToLive() {
        accounts.holders.put("token-a", TelegramId.of(7));

        for (int i = 0; i < 5; i++) {
            assertThat(cached.authenticate("token-a")).isEqualTo(TelegramId.of(7));
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(accounts.asked).hasValue(1);
    }

    @Test
    void aRotatedTokenStopsWorkingOnceItsTimeToLivePassed() {
        accounts.holders.put("old-token", TelegramId.of(7));
        cached.authenticate("old-token");
        accounts.holders.remove("old-token");
        accounts.holders.put("new-token", TelegramId.of(7));

        clock.advance(TTL.minusMillis(1));
        assertThat(cached.authenticate("old-token")).isEqualTo(TelegramId.of(7));
        assertThat(cached.authenticate("new-token")).as("the new token works at once").isEqualTo(TelegramId.of(7));
        clock.advance(Duration.ofMillis(1));

        assertThatThrownBy(() -> cached.authenticate("old-token")).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void failuresAreNeverRemembered() {
        assertThatThrownBy(() -> cached.authenticate("unknown")).isInstanceOf(UnauthenticatedException.class);
        accounts.holders.put("unknown", TelegramId.of(9));

        assertThat(cached.authenticate("unknown")).isEqualTo(TelegramId.of(9));
        assertThat(accounts.asked).hasValue(2);
    }

    @Test
    void remembersNoMoreThanItsBoundAndMakesRoomFromExpiredEntries() {
        for (int i = 0; i < 10; i++) {
            accounts.holders.put("token-" + i, TelegramId.of(100 + i));
            cached.authenticate("token-" + i);
        }
        assertThat(cached.size()).isEqualTo(2);

        clock.advance(TTL);
        cached.authenticate("token-5");

        assertThat(cached.size()).isEqualTo(1);
        assertThat(accounts.asked).hasValue(11);
    }
}
