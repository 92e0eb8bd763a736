package io.parceltrack.grpc;

import io.grpc.Channel;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.account.User;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.port.in.account.AccountUseCases;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.port.in.account.RegisterUserCommand;
import io.parceltrack.proto.account.ApiTokenResponse;
import io.parceltrack.proto.account.AuthenticateApiTokenRequest;
import io.parceltrack.proto.account.RegistrationStatus;
import io.parceltrack.proto.account.ManagerGrpc;
import io.parceltrack.proto.account.ManagerGrpc.ManagerBlockingStub;
import io.parceltrack.proto.account.TelegramIdRequest;
import io.parceltrack.proto.account.UserGrpc;
import io.parceltrack.proto.account.UserGrpc.UserBlockingStub;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The account service over gRPC, behind the same interface as the in-process service: a bot cannot
 * tell them apart. Errors arrive as the same domain exceptions; an unreachable or slow service as
 * {@link io.parceltrack.port.out.UnavailableException}.
 */
public final class AccountGrpcClient implements AccountUseCases {
    private static final Function<ApiTokenResponse, ApiToken> TOKEN = reply -> new ApiToken(reply.getApiToken());

    private final UserBlockingStub users;
    private final ManagerBlockingStub managers;
    private final RemoteCalls remote;

    /** {@code channel} should come from {@link ClientChannels#open} with the same settings. */
    public AccountGrpcClient(Channel channel, GrpcClientSettings settings) {
        this.users = UserGrpc.newBlockingStub(channel);
        this.managers = ManagerGrpc.newBlockingStub(channel);
        this.remote = new RemoteCalls("account service", settings);
    }

    @Override
    public User registerUser(RegisterUserCommand command) {
        return remote.call(users, stub -> stub.register(AccountMessages.toRequest(command)), AccountMessages::toDomain);
    }

    @Override
    public Optional<User> findUser(TelegramId id) {
        return absentIfNotFound(Subject.USER, () -> getUser(id));
    }

    @Override
    public User getUser(TelegramId id) {
        return remote.call(users, stub -> stub.getInfo(idRequest(id)), AccountMessages::toDomain);
    }

    @Override
    public boolean isUserRegistered(TelegramId id) {
        return remote.call(users, stub -> stub.isRegistered(idRequest(id)), RegistrationStatus::getRegistered);
    }

    @Override
    public Manager registerManager(RegisterManagerCommand command) {
        return remote.call(managers, stub -> stub.register(AccountMessages.toRequest(command)), AccountMessages::toDomain);
    }

    @Override
    public Optional<Manager> findManager(TelegramId id) {
        return absentIfNotFound(Subject.MANAGER, () -> getManager(id));
    }

    @Override
    public Manager getManager(TelegramId id) {
        return remote.call(managers, stub -> stub.getInfo(idRequest(id)), AccountMessages::toDomain);
    }

    @Override
    public boolean isManagerRegistered(TelegramId id) {
        return remote.call(managers, stub -> stub.isRegistered(idRequest(id)), RegistrationStatus::getRegistered);
    }

    @Override
    public ApiToken issueApiToken(TelegramId manager) {
        return remote.call(managers, stub -> stub.issueApiToken(idRequest(manager)), TOKEN);
    }

    @Override
    public ApiToken rotateApiToken(TelegramId manager) {
        return remote.call(managers, stub -> stub.rotateApiToken(idRequest(manager)), TOKEN);
    }

    @Override
    public TelegramId authenticate(String presentedToken) {
        AuthenticateApiTokenRequest request = AuthenticateApiTokenRequest.newBuilder()
                .setApiToken(presentedToken == null ? "" : presentedToken)
                .build();
        return remote.call(managers, stub -> stub.authenticateApiToken(request), reply -> new TelegramId(reply.getManagerTelegramId()));
    }

    private static TelegramIdRequest idRequest(TelegramId id) {
        return TelegramIdRequest.newBuilder().setTelegramId(id.value()).build();
    }

    private static <T> Optional<T> absentIfNotFound(Subject subject, Supplier<T> lookup) {
        try {
            return Optional.of(lookup.get());
        } catch (NotFoundException e) {
            if (e.subject() != subject) {
                throw e;
            }
            return Optional.empty();
        }
    }
}
