package io.parceltrack.grpc;

import static io.parceltrack.grpc.WireErrors.failureOf;
import static io.parceltrack.grpc.WireErrors.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.account.User;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.error.UnauthenticatedException;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.port.in.account.RegisterUserCommand;
import io.parceltrack.proto.account.AuthenticateApiTokenRequest;
import io.parceltrack.proto.account.ManagerGrpc;
import io.parceltrack.proto.account.RegisterManagerRequest;
import io.parceltrack.proto.account.RegisterUserRequest;
import io.parceltrack.proto.account.TelegramIdRequest;
import io.parceltrack.proto.account.UserGrpc;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The account service's User and Manager RPCs, over a socket, against the real service in memory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountGrpcIT {
    private final InMemoryCoreServices core = new InMemoryCoreServices();
    private final RunningGrpcServer server = new RunningGrpcServer(core.grpcServices());
    private final AccountGrpcClient client = new AccountGrpcClient(server.channel, RunningGrpcServer.SETTINGS);
    private final UserGrpc.UserBlockingStub rawUsers =
            UserGrpc.newBlockingStub(server.channel).withDeadlineAfter(Duration.ofMinutes(1));
    private final ManagerGrpc.ManagerBlockingStub rawManagers =
            ManagerGrpc.newBlockingStub(server.channel).withDeadlineAfter(Duration.ofMinutes(1));

    @AfterAll
    void stop() {
        server.close();
    }

    // --- User

    @Test
    void registersAUserAndReadsTheSameUserBack() {
        TelegramId id = Fixtures.newId();

        User registered = client.registerUser(
                RegisterUserCommand.parse(id, "Анна-Мария Смирнова 👩‍🚀", "anna@Почта.РФ", "+7 (999) 123-45-67"));

        assertThat(registered).isEqualTo(core.accounts.getUser(id));
        assertThat(client.getUser(id)).isEqualTo(registered);
        assertThat(client.findUser(id)).contains(registered);
        assertThat(registered.profile().phoneNumber()).hasValueSatisfying(p -> assertThat(p.value()).isEqualTo("+79991234567"));
    }

    @Test
    void registersAUserWithoutPhone() {
        TelegramId id = Fixtures.newId();

        User registered = client.registerUser(RegisterUserCommand.parse(id, "Ivan Petrov", "ivan@example.com", ""));

        assertThat(registered.profile().phoneNumber()).isEmpty();
        assertThat(client.getUser(id)).isEqualTo(core.accounts.getUser(id));
    }

    @Test
    void registeringAUserTwiceIsAlreadyExists() {
        RegisterUserCommand command = RegisterUserCommand.parse(Fixtures.newId(), "Ivan Petrov", "ivan@example.com", "");
        client.registerUser(command);

        AlreadyExistsException failure = catchThrowableOfType(AlreadyExistsException.class, () -> client.registerUser(command));

        assertThat(failure.subject()).isEqualTo(Subject.USER);
        assertThat(failure).hasMessage("user " + command.id() + " is registered already");
        assertThat(failureOf(() -> rawUsers.register(AccountMessages.toRequest(command))).getStatus().getCode())
                .isEqualTo(Status.Code.ALREADY_EXISTS);
    }

    @Test
    void aRegistrationListsEveryBadFieldIncludingTheId() {
        RegisterUserRequest request = RegisterUserRequest.newBuilder()
                .setTelegramId(0).setFullName("Al").setEmail("not an address").setPhone("12")
                .build();

        assertThat(invalidFields(() -> rawUsers.register(request)))
                .containsExactly("telegramId:MALFORMED", "fullName:TOO_SHORT", "email:MALFORMED", "phone:MALFORMED");
    }

    @Test
    void anUnknownUserIsNotFoundButAuthSaysUnregistered() {
        TelegramId stranger = Fixtures.newId();

        NotFoundException failure = catchThrowableOfType(NotFoundException.class, () -> client.getUser(stranger));

        assertThat(failure.subject()).isEqualTo(Subject.USER);
        assertThat(failure).hasMessage("no user is registered with id " + stranger);
        assertThat(client.findUser(stranger)).isEmpty();
        assertThat(client.isUserRegistered(stranger)).isFalse();
    }

    @Test
    void authTellsThatAUserIsRegistered() {
        TelegramId id = Fixtures.newId();
        client.registerUser(RegisterUserCommand.parse(id, "Ivan Petrov", "ivan@example.com", ""));

        assertThat(client.isUserRegistered(id)).isTrue();
        assertThat(client.isManagerRegistered(id)).as("a user is not a manager").isFalse();
    }

    @Test
    void aZeroTelegramIdIsInvalidArgumentOnEveryIdRequest() {
        TelegramIdRequest zero = TelegramIdRequest.newBuilder().setTelegramId(0).build();

        assertThat(invalidFields(() -> rawUsers.getInfo(zero))).containsExactly("telegramId:MALFORMED");
        assertThat(invalidFields(() -> rawUsers.isRegistered(zero))).containsExactly("telegramId:MALFORMED");
        assertThat(invalidFields(() -> rawManagers.getInfo(zero))).containsExactly("telegramId:MALFORMED");
        assertThat(invalidFields(() -> rawManagers.isRegistered(zero))).containsExactly("telegramId:MALFORMED");
        assertThat(invalidFields(() -> rawManagers.issueApiToken(zero))).containsExactly("telegramId:MALFORMED");
        assertThat(invalidFields(() -> rawManagers.rotateApiToken(zero))).containsExactly("telegramId:MALFORMED");
    }

    // --- Manager

    @Test
    void registersAManagerAndReadsTheSameManagerBack() {
        TelegramId id = Fixtures.newId();

        Manager registered = client.registerManager(
                RegisterManagerCommand.parse(id, "Max Müller", "max@shop.example", "+49 30 1234567", "Schnell & Sicher GmbH"));

        assertThat(registered).isEqualTo(core.accounts.getManager(id));
        assertThat(client.getManager(id)).isEqualTo(registered);
        assertThat(client.findManager(id)).contains(registered);
        assertThat(client.isManagerRegistered(id)).isTrue();
        assertThat(registered.companyName()).contains("Schnell & Sicher GmbH");
        assertThat(registered.hasApiToken()).isFalse();
    }

    @Test
    void registersAManagerWithoutPhoneOrCompany() {
        TelegramId id = Fixtures.newId();

        Manager registered = client.registerManager(RegisterManagerCommand.parse(id, "Max Müller", "max@shop.example", "", ""));

        assertThat(registered.companyName()).isEmpty();
        assertThat(registered.profile().phoneNumber()).isEmpty();
        assertThat(client.getManager(id)).isEqualTo(core.accounts.getManager(id));
    }

    @Test
    void registeringAManagerTwiceIsAlreadyExists() {
        RegisterManagerCommand command = RegisterManagerCommand.parse(Fixtures.newId(), "Max Müller", "max@shop.example", "", "");
        client.registerManager(command);

        AlreadyExistsException failure = catchThrowableOfType(AlreadyExistsException.class, () -> client.registerManager(command));

        assertThat(failure.subject()).isEqualTo(Subject.MANAGER);
    }

    @Test
    void aManagerRegistrationListsEveryBadField() {
        RegisterManagerRequest request = RegisterManagerRequest.newBuilder()
                .setTelegramId(-5).setFullName(" ").setEmail("max@").setCompany("ab")
                .build();

        assertThat(invalidFields(() -> rawManagers.register(request)))
                .containsExactly("telegramId:MALFORMED", "fullName:REQUIRED", "email:MALFORMED", "company:TOO_SHORT");
    }

    @Test
    void anUnknownManagerIsNotFound() {
        TelegramId stranger = Fixtures.newId();

        NotFoundException failure = catchThrowableOfType(NotFoundException.class, () -> client.getManager(stranger));

        assertThat(failure.subject()).isEqualTo(Subject.MANAGER);
        assertThat(client.findManager(stranger)).isEmpty();
        assertThat(client.isManagerRegistered(stranger)).isFalse();
    }

    @Test
    void anIssuedTokenAuthenticatesItsManager() {
        TelegramId manager = registeredManager();

        ApiToken token = client.issueApiToken(manager);

        assertThat(client.authenticate(token.value())).isEqualTo(manager);
        assertThat(client.authenticate("  " + token.value() + "\n")).as("surrounding blanks are forgiven").isEqualTo(manager);
        assertThat(client.getManager(manager).hasApiToken()).isTrue();
        assertThat(client.getManager(manager)).isEqualTo(core.accounts.getManager(manager));
    }

    @Test
    void issuingASecondTokenIsAlreadyExists() {
        TelegramId manager = registeredManager();
        client.issueApiToken(manager);

        AlreadyExistsException failure = catchThrowableOfType(AlreadyExistsException.class, () -> client.issueApiToken(manager));

        assertThat(failure.subject()).isEqualTo(Subject.API_TOKEN);
    }

    @Test
    void issuingOrRotatingForAnUnknownManagerIsNotFound() {
        TelegramId stranger = Fixtures.newId();

        assertThat(catchThrowableOfType(NotFoundException.class, () -> client.issueApiToken(stranger)).subject())
                .isEqualTo(Subject.MANAGER);
        assertThat(catchThrowableOfType(NotFoundException.class, () -> client.rotateApiToken(stranger)).subject())
                .isEqualTo(Subject.MANAGER);
    }

    @Test
    void rotatingReplacesTheOldToken() {
        TelegramId manager = registeredManager();
        ApiToken first = client.issueApiToken(manager);

        ApiToken second = client.rotateApiToken(manager);

        assertThat(second).isNotEqualTo(first);
        assertThat(client.authenticate(second.value())).isEqualTo(manager);
        assertThatThrownBy(() -> client.authenticate(first.value())).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void rotatingWithoutATokenIsNotFoundApiToken() {
        TelegramId manager = registeredManager();

        NotFoundException failure = catchThrowableOfType(NotFoundException.class, () -> client.rotateApiToken(manager));

        assertThat(failure.subject()).isEqualTo(Subject.API_TOKEN);
    }

    @Test
    void anUnknownOrMalformedTokenIsUnauthenticated() {
        assertThatThrownBy(() -> client.authenticate("pt_" + "A".repeat(43)))
                .isInstanceOf(UnauthenticatedException.class).hasMessage("unknown API token");
        assertThatThrownBy(() -> client.authenticate("not a token!"))
                .isInstanceOf(UnauthenticatedException.class).hasMessage("missing or malformed API token");
        assertThatThrownBy(() -> client.authenticate(""))
                .isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> client.authenticate(null))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void aRefusedTokenIsNotEchoedBack() {
        String guess = "pt_secretGuess" + "x".repeat(30);

        StatusRuntimeException failure = failureOf(() ->
                rawManagers.authenticateApiToken(AuthenticateApiTokenRequest.newBuilder().setApiToken(guess).build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(failure.getStatus().getDescription()).doesNotContain("secretGuess");
        assertThat(failure.getTrailers().toString()).doesNotContain("secretGuess");
    }

    private TelegramId registeredManager() {
        TelegramId id = Fixtures.newId();
        client.registerManager(RegisterManagerCommand.parse(id, "Max Müller", "max@shop.example", "", ""));
        return id;
    }
}
