package io.parceltrack.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.TestClock;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.account.User;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.error.UnauthenticatedException;
import io.parceltrack.memory.InMemoryAccountStore;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.port.in.account.RegisterUserCommand;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountServiceTest {
    private final TestClock clock = new TestClock(Fixtures.T0);
    private final InMemoryAccountStore store = new InMemoryAccountStore();
    private final AccountService accounts = new AccountService(store, store, clock, new SecureRandom());

    private TelegramId registeredManager() {
        TelegramId id = Fixtures.newId();
        accounts.registerManager(RegisterManagerCommand.parse(id, "Max Müller", "max@shop.example", "", ""));
        return id;
    }

    private static void assertSubject(Throwable e, Subject subject) {
        assertThat(e).isInstanceOfAny(NotFoundException.class, AlreadyExistsException.class);
        Subject actual = e instanceof NotFoundException nf ? nf.subject() : ((AlreadyExistsException) e).subject();
        assertThat(actual).isEqualTo(subject);
    }

    @Test
    void registersAUserWithTheTimeOfRegistration() {
        TelegramId id = Fixtures.newId();

        User user = accounts.registerUser(RegisterUserCommand.parse(id, "Ann Lee", "ann@example.com", "+7 999 1234567"));

        assertThat(user.registeredAt()).isEqualTo(Fixtures.T0);
        assertThat(accounts.getUser(id)).isEqualTo(user);
        assertThat(accounts.isUserRegistered(id)).isTrue();
    }

    @Test
    void refusesToRegisterAUserTwice() {
        TelegramId id = Fixtures.newId();
        accounts.registerUser(RegisterUserCommand.parse(id, "Ann Lee", "ann@example.com", null));

        assertThatThrownBy(() -> accounts.registerUser(RegisterUserCommand.parse(id, "Ann Lee", "ann@example.com", null)))
                .satisfies(e -> assertSubject(e, Subject.USER));
    }

    @Test
    void reportsAnUnknownUser() {
        TelegramId stranger = Fixtures.newId();

        assertThat(accounts.isUserRegistered(stranger)).isFalse();
        assertThat(accounts.findUser(stranger)).isEmpty();
        assertThatThrownBy(() -> accounts.getUser(stranger)).satisfies(e -> assertSubject(e, Subject.USER));
    }

    @Test
    void reportsEveryBadRegistrationFieldAtOnce() {
        assertThatThrownBy(() -> RegisterManagerCommand.parse(Fixtures.newId(), "X", "bad", "123", "AB"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field())
                        .containsExactly("fullName", "email", "phone", "company"));
    }

    @Test
    void registersAManagerWithOptionalFieldsLeftOut() {
        TelegramId id = registeredManager();

        Manager manager = accounts.getManager(id);
        assertThat(manager.companyName()).isEmpty();
        assertThat(manager.profile().phoneNumber()).isEmpty();
        assertThat(manager.hasApiToken()).isFalse();
        assertThat(accounts.isManagerRegistered(id)).isTrue();
    }

    @Test
    void refusesToRegisterAManagerTwice() {
        TelegramId id = registeredManager();

        assertThatThrownBy(() -> accounts.registerManager(
                        RegisterManagerCommand.parse(id, "Max Müller", "max@shop.example", "", "Shop")))
                .satisfies(e -> assertSubject(e, Subject.MANAGER));
    }

    @Test
    void anIssuedTokenAuthenticatesItsManager() {
        TelegramId id = registeredManager();

        ApiToken token = accounts.issueApiToken(id);

        assertThat(accounts.authenticate(token.value())).isEqualTo(id);
        assertThat(accounts.authenticate("  " + token.value() + " ")).isEqualTo(id);
        assertThat(accounts.getManager(id).apiTokenIssuedAt()).isEqualTo(Fixtures.T0);
    }

    @Test
    void storesOnlyTheTokensHash() {
        TelegramId id = registeredManager();

        ApiToken token = accounts.issueApiToken(id);

        assertThat(store.findApiTokenHolder(token.hash()).orElseThrow().storedHash()).isEqualTo(token.hash());
        assertThat(store.findApiTokenHolder(token.hash()).orElseThrow().toString()).doesNotContain(token.value());
    }

    @Test
    void refusesToIssueASecondFirstToken() {
        TelegramId id = registeredManager();
        ApiToken first = accounts.issueApiToken(id);

        assertThatThrownBy(() -> accounts.issueApiToken(id)).satisfies(e -> assertSubject(e, Subject.API_TOKEN));
        assertThat(accounts.authenticate(first.value())).isEqualTo(id);
    }

    @Test
    void rotationInvalidatesTheOldToken() {
        TelegramId id = registeredManager();
        ApiToken old = accounts.issueApiToken(id);
        clock.advance(Duration.ofDays(30));

        ApiToken rotated = accounts.rotateApiToken(id);

        assertThat(rotated).isNotEqualTo(old);
        assertThat(accounts.authenticate(rotated.value())).isEqualTo(id);
        assertThatThrownBy(() -> accounts.authenticate(old.value())).isInstanceOf(UnauthenticatedException.class);
        assertThat(accounts.getManager(id).apiTokenIssuedAt()).isEqualTo(Fixtures.T0.plus(Duration.ofDays(30)));
    }

    @Test
    void provisioningRegistersANewManagerWithTheGivenToken() {
        TelegramId id = Fixtures.newId();
        ApiToken token = ApiToken.parse("demo-token-0123456789").orElseThrow();

        Manager provisioned = accounts.provisionManager(
                RegisterManagerCommand.parse(id, "Demo Manager", "demo@shop.example", "", ""), token);

        assertThat(provisioned.id()).isEqualTo(id);
        assertThat(accounts.authenticate(token.value())).isEqualTo(id);
    }

    @Test
    void provisioningAnExistingManagerReplacesTheirTokenAndKeepsTheirProfile() {
        TelegramId id = registeredManager();
        ApiToken old = accounts.issueApiToken(id);
        ApiToken given = ApiToken.parse("demo-token-0123456789").orElseThrow();

        accounts.provisionManager(RegisterManagerCommand.parse(id, "Someone Else", "other@shop.example", "", ""), given);

        assertThat(accounts.authenticate(given.value())).isEqualTo(id);
        assertThatThrownBy(() -> accounts.authenticate(old.value())).isInstanceOf(UnauthenticatedException.class);
        assertThat(accounts.getManager(id).profile().fullName()).isEqualTo("Max Müller");
    }

    @Test
    void cannotRotateATokenNeverIssued() {
        TelegramId id = registeredManager();

        assertThatThrownBy(() -> accounts.rotateApiToken(id)).satisfies(e -> assertSubject(e, Subject.API_TOKEN));
    }

    @Test
    void unknownManagersGetNoToken() {
        TelegramId stranger = Fixtures.newId();

        assertThatThrownBy(() -> accounts.issueApiToken(stranger)).satisfies(e -> assertSubject(e, Subject.MANAGER));
        assertThatThrownBy(() -> accounts.rotateApiToken(stranger)).satisfies(e -> assertSubject(e, Subject.MANAGER));
    }

    @Test
    void refusesMissingMalformedAndUnknownTokens() {
        registeredManager();

        assertThatThrownBy(() -> accounts.authenticate(null)).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> accounts.authenticate("")).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> accounts.authenticate("not a token")).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> accounts.authenticate(ApiToken.generate(new SecureRandom()).value()))
                .isInstanceOf(UnauthenticatedException.class)
                .hasMessage("unknown API token");
    }
}
