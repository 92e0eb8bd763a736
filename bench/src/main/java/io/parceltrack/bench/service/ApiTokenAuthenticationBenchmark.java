package io.parceltrack.bench.service;

import io.parceltrack.bench.InMemoryBenchmark;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.UnauthenticatedException;
import io.parceltrack.memory.InMemoryAccountStore;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.service.AccountService;
import java.security.SecureRandom;
import java.time.Clock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * What every REST API request pays first: {@link AccountService#authenticate} of the presented token
 * against the in-memory accounts store (shape check, SHA-256, hex, lookup by hash, constant-time
 * comparison). Tokens are presented round-robin from many managers, so the lookup does not always
 * hit the same entry. An unknown token is the 401 path.
 */
public class ApiTokenAuthenticationBenchmark extends InMemoryBenchmark {
    @Param("1000")
    private int managers;

    private AccountService accounts;
    private String[] tokens;
    private int next;
    private final String unknownToken = "pt_nobody-holds-this-token-0123456789abcdef";

    @Setup
    public void registerManagersWithTokens() {
        InMemoryAccountStore store = new InMemoryAccountStore();
        accounts = new AccountService(store, store, Clock.systemUTC(), new SecureRandom());
        tokens = new String[managers];
        for (int i = 0; i < managers; i++) {
            TelegramId manager = new TelegramId(1_000_000L + i);
            accounts.registerManager(RegisterManagerCommand.parse(
                    manager, "Manager " + i, "manager" + i + "@example.com", "", "Shipping Co"));
            tokens[i] = accounts.issueApiToken(manager).value();
        }
    }

    @Benchmark
    public TelegramId authenticateKnownToken() {
        String token = tokens[next];
        next = next + 1 == tokens.length ? 0 : next + 1;
        return accounts.authenticate(token);
    }

    @Benchmark
    public UnauthenticatedException rejectUnknownToken() {
        try {
            accounts.authenticate(unknownToken);
            throw new IllegalStateException("an unknown token was accepted");
        } catch (UnauthenticatedException expected) {
            return expected;
        }
    }
}
