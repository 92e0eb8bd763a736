package io.parceltrack.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.Email;
import io.parceltrack.domain.account.PersonProfile;
import io.parceltrack.domain.account.User;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.port.out.UserStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UserStore} must do. Extend it and return a store with no users in it. */
public abstract class UserStoreContract {
    protected UserStore store;

    protected abstract UserStore newUserStore();

    @BeforeEach
    void createStore() {
        store = newUserStore();
    }

    @Test
    void findsAStoredUserWithEveryField() {
        User user = Fixtures.user(Fixtures.newId());

        store.addUser(user);

        assertThat(store.findUser(user.id())).contains(user);
    }

    @Test
    void keepsAnAbsentPhoneAbsent() {
        User user = new User(Fixtures.newId(),
                new PersonProfile("Li Wei", Email.parse("li@example.cn"), null), Fixtures.T0);

        store.addUser(user);

        assertThat(store.findUser(user.id())).hasValueSatisfying(found -> assertThat(found.profile().phone()).isNull());
    }

    @Test
    void findsNobodyUnderAnUnknownId() {
        assertThat(store.findUser(Fixtures.newId())).isEmpty();
    }

    @Test
    void refusesASecondUserWithTheSameId() {
        TelegramId id = Fixtures.newId();
        store.addUser(Fixtures.user(id));

        User impostor = new User(id, new PersonProfile("Someone Else", Email.parse("x@example.org"), null), Fixtures.T0);

        assertThatThrownBy(() -> store.addUser(impostor))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> assertThat(e.subject()).isEqualTo(Subject.USER));
        assertThat(store.findUser(id)).contains(Fixtures.user(id));
    }

    @Test
    void registersExactlyOnceUnderConcurrentAttempts() throws Exception {
        TelegramId id = Fixtures.newId();

        var outcomes = Concurrently.run(8, i -> {
            store.addUser(Fixtures.user(id));
            return true;
        });

        assertThat(outcomes.successes()).isEqualTo(1);
        assertThat(outcomes.failures()).hasSize(7).allMatch(AlreadyExistsException.class::isInstance);
    }
}
