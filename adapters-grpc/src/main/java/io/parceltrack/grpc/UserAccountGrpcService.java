package io.parceltrack.grpc;

import io.grpc.stub.StreamObserver;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.port.in.account.AccountUseCases;
import io.parceltrack.proto.account.RegistrationStatus;
import io.parceltrack.proto.account.RegisterUserRequest;
import io.parceltrack.proto.account.TelegramIdRequest;
import io.parceltrack.proto.account.UserGrpc;
import io.parceltrack.proto.account.UserInfo;

/**
 * The account service's {@code User} RPCs: recipients register, read their profile, and the bots
 * check whether someone is registered. Domain errors are left to {@link DomainErrorInterceptor}.
 */
public final class UserAccountGrpcService extends UserGrpc.UserImplBase {
    private final AccountUseCases accounts;

    public UserAccountGrpcService(AccountUseCases accounts) {
        this.accounts = accounts;
    }

    @Override
    public void register(RegisterUserRequest request, StreamObserver<UserInfo> response) {
        UserInfo registered = AccountMessages.toProto(accounts.registerUser(AccountMessages.toCommand(request)));
        response.onNext(registered);
        response.onCompleted();
    }

    @Override
    public void getInfo(TelegramIdRequest request, StreamObserver<UserInfo> response) {
        UserInfo info = AccountMessages.toProto(accounts.getUser(new TelegramId(request.getTelegramId())));
        response.onNext(info);
        response.onCompleted();
    }

    @Override
    public void isRegistered(TelegramIdRequest request, StreamObserver<RegistrationStatus> response) {
        boolean registered = accounts.isUserRegistered(new TelegramId(request.getTelegramId()));
        response.onNext(RegistrationStatus.newBuilder().setRegistered(registered).build());
        response.onCompleted();
    }
}
