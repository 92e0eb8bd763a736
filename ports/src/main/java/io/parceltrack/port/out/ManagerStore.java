package io.parceltrack.port.out;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiTokenHash;
import io.parceltrack.domain.account.Manager;
import java.time.Instant;
import java.util.Optional;

/** Registered managers and the hashes of their API tokens. */
public interface ManagerStore {
    /** @throws io.parceltrack.domain.error.AlreadyExistsException (MANAGER) if the id is taken */
    void addManager(Manager manager);

    Optional<Manager> findManager(TelegramId id);

    /** Sets the manager's first token; {@code false} if the manager is unknown or already has one. */
    boolean setFirstApiToken(TelegramId manager, ApiTokenHash hash, Instant issuedAt);

    /** Replaces the manager's token; {@code false} if the manager is unknown or has none yet. */
    boolean replaceApiToken(TelegramId manager, ApiTokenHash hash, Instant issuedAt);

    /** Who holds the token with this hash, with the stored hash for a constant-time comparison. */
    Optional<ApiTokenHolder> findApiTokenHolder(ApiTokenHash hash);

    record ApiTokenHolder(TelegramId manager, ApiTokenHash storedHash) {}
}
