package io.parceltrack.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.domain.account.ApiTokenHash;
import io.parceltrack.domain.account.Email;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.account.PersonProfile;
import io.parceltrack.domain.account.PhoneNumber;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.port.out.ManagerStore;
import io.parceltrack.port.out.ManagerStore.ApiTokenHolder;
import java.security.SecureRandom;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ManagerStore} must do. Extend it and return a store with no managers in it. */
public abstract class ManagerStoreContract {
    private static final SecureRandom RANDOM = new SecureRandom();
    protected ManagerStore store;

    protected abstract ManagerStore newManagerStore();

    @BeforeEach
    void createStore() {
        store = newManagerStore();
    }

    private static ApiTokenHash newHash() {
        return ApiToken.generate(RANDOM).hash();
    }

    @Test
    void findsAStoredManagerWithEveryField() {
        Manager manager = new Manager(Fixtures.newId(),
                new PersonProfile("Olga Ivanova", Email.parse("olga@cargo.example"), PhoneNumber.parse("+4930123456")),
                "Cargo & Co", Fixtures.T0, null);

        store.addManager(manager);

        assertThat(store.findManager(manager.id())).contains(manager);
    }

    @Test
    void keepsAnAbsentCompanyAbsent() {
        Manager manager = new Manager(Fixtures.newId(),
                new PersonProfile("Olga Ivanova", Email.parse("olga@cargo.example"), null), null, Fixtures.T0, null);

        store.addManager(manager);

        assertThat(store.findManager(manager.id())).contains(manager);
    }

    @Test
    void refusesASecondManagerWithTheSameId() {
        TelegramId id = Fixtures.newId();
        store.addManager(Fixtures.manager(id));

        assertThatThrownBy(() -> store.addManager(Fixtures.manager(id)))
                .isInstanceOfSatisfying(AlreadyExistsException.class,
                        e -> assertThat(e.subject()).isEqualTo(Subject.MANAGER));
    }

    @Test
    void findsNobodyUnderAnUnknownId() {
        assertThat(store.findManager(Fixtures.newId())).isEmpty();
    }

    @Test
    void setsTheFirstTokenOnceAndRemembersWhen() {
        TelegramId id = Fixtures.newId();
        store.addManager(Fixtures.manager(id));
        ApiTokenHash hash = newHash();

        assertThat(store.setFirstApiToken(id, hash, Fixtures.T0)).isTrue();
        assertThat(store.setFirstApiToken(id, newHash(), Fixtures.T0)).isFalse();

        assertThat(store.findApiTokenHolder(hash)).contains(new ApiTokenHolder(id, hash));
        assertThat(store.findManager(id).orElseThrow().apiTokenIssuedAt()).isEqualTo(Fixtures.T0);
    }

    @Test
    void rotationInvalidatesTheOldToken() {
        TelegramId id = Fixtures.newId();
        store.addManager(Fixtures.manager(id));
        ApiTokenHash old = newHash();
        ApiTokenHash rotated = newHash();
        store.setFirstApiToken(id, old, Fixtures.T0);

        assertThat(store.replaceApiToken(id, rotated, Fixtures.T0.plus(1, ChronoUnit.HOURS))).isTrue();

        assertThat(store.findApiTokenHolder(old)).isEmpty();
        assertThat(store.findApiTokenHolder(rotated)).contains(new ApiTokenHolder(id, rotated));
        assertThat(store.findManager(id).orElseThrow().apiTokenIssuedAt()).isEqualTo(Fixtures.T0.plus(1, ChronoUnit.HOURS));
    }

    @Test
    void doesNotRotateWhatWasNeverIssued() {
        TelegramId id = Fixtures.newId();
        store.addManager(Fixtures.manager(id));

        assertThat(store.replaceApiToken(id, newHash(), Fixtures.T0)).isFalse();
        assertThat(store.findManager(id).orElseThrow().hasApiToken()).isFalse();
    }

    @Test
    void givesNoTokenToAnUnknownManager() {
        TelegramId stranger = Fixtures.newId();
        ApiTokenHash hash = newHash();

        assertThat(store.setFirstApiToken(stranger, hash, Fixtures.T0)).isFalse();
        assertThat(store.replaceApiToken(stranger, hash, Fixtures.T0)).isFalse();
        assertThat(store.findApiTokenHolder(hash)).isEmpty();
    }

    @Test
    void tokensOfDifferentManagersAreIndependent() {
        TelegramId first = Fixtures.newId();
        TelegramId second = Fixtures.newId();
        store.addManager(Fixtures.manager(first));
        store.addManager(Fixtures.manager(second));
        ApiTokenHash firstHash = newHash();
        ApiTokenHash secondHash = newHash();

        store.setFirstApiToken(first, firstHash, Fixtures.T0);
        store.setFirstApiToken(second, secondHash, Fixtures.T0);
        store.replaceApiToken(first, newHash(), Fixtures.T0);

        assertThat(store.findApiTokenHolder(secondHash)).contains(new ApiTokenHolder(second, secondHash));
        assertThat(store.findApiTokenHolder(firstHash)).isEmpty();
    }

    @Test
    void issuesExactlyOneFirstTokenUnderConcurrentAttempts() throws Exception {
        TelegramId id = Fixtures.newId();
        store.addManager(Fixtures.manager(id));

        var outcomes = Concurrently.run(8, i -> store.setFirstApiToken(id, newHash(), Fixtures.T0));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.results()).containsOnlyOnce(true);
    }
}
