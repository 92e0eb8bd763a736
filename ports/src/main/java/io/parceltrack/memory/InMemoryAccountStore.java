package io.parceltrack.memory;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiTokenHash;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.account.User;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.port.out.ManagerStore;
import io.parceltrack.port.out.UserStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The accounts database in memory: users, managers and token hashes. Thread-safe. */
public final class InMemoryAccountStore implements UserStore, ManagerStore {
    private final Object lock = new Object();
    private final Map<TelegramId, User> users = new HashMap<>();
    private final Map<TelegramId, Manager> managers = new HashMap<>();
    private final Map<TelegramId, ApiTokenHash> tokenByManager = new HashMap<>();
    private final Map<ApiTokenHash, TelegramId> managerByToken = new HashMap<>();

    @Override
    public void addUser(User user) {
        synchronized (lock) {
            if (users.putIfAbsent(user.id(), user) != null) {
                throw new AlreadyExistsException(Subject.USER, "user " + user.id() + " is registered already");
            }
        }
    }

    @Override
    public Optional<User> findUser(TelegramId id) {
        synchronized (lock) {
            return Optional.ofNullable(users.get(id));
        }
    }

    @Override
    public void addManager(Manager manager) {
        synchronized (lock) {
            if (managers.putIfAbsent(manager.id(), manager) != null) {
                throw new AlreadyExistsException(Subject.MANAGER, "manager " + manager.id() + " is registered already");
            }
        }
    }

    @Override
    public Optional<Manager> findManager(TelegramId id) {
        synchronized (lock) {
            return Optional.ofNullable(managers.get(id));
        }
    }

    @Override
    public boolean setFirstApiToken(TelegramId manager, ApiTokenHash hash, Instant issuedAt) {
        synchronized (lock) {
            if (!managers.containsKey(manager) || tokenByManager.containsKey(manager)) {
                return false;
            }
            storeToken(manager, hash, issuedAt);
            return true;
        }
    }

    @Override
    public boolean replaceApiToken(TelegramId manager, ApiTokenHash hash, Instant issuedAt) {
        synchronized (lock) {
            ApiTokenHash old = tokenByManager.get(manager);
            if (old == null) {
                return false;
            }
            managerByToken.remove(old);
            storeToken(manager, hash, issuedAt);
            return true;
        }
    }

    @Override
    public Optional<ApiTokenHolder> findApiTokenHolder(ApiTokenHash hash) {
        synchronized (lock) {
            return Optional.ofNullable(managerByToken.get(hash))
                    .map(manager -> new ApiTokenHolder(manager, tokenByManager.get(manager)));
        }
    }

    private void storeToken(TelegramId manager, ApiTokenHash hash, Instant issuedAt) {
        tokenByManager.put(manager, hash);
        managerByToken.put(hash, manager);
        managers.computeIfPresent(manager, (id, m) -> m.withApiTokenIssuedAt(issuedAt));
    }
}
