package io.parceltrack.grpc;

import io.grpc.stub.StreamObserver;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.port.in.account.AccountUseCases;
import io.parceltrack.proto.account.ApiTokenResponse;
import io.parceltrack.proto.account.AuthenticateApiTokenRequest;
import io.parceltrack.proto.account.AuthenticateApiTokenResponse;
import io.parceltrack.proto.account.RegistrationStatus;
import io.parceltrack.proto.account.ManagerGrpc;
import io.parceltrack.proto.account.ManagerInfo;
import io.parceltrack.proto.account.RegisterManagerRequest;
import io.parceltrack.proto.account.TelegramIdRequest;

/**
 * The account service's {@code Manager} RPCs: registration, profile, and the REST API token (issue,
 * rotate, authenticate). Tokens travel only in replies and requests, never into logs or errors.
 */
public final class ManagerAccountGrpcService extends ManagerGrpc.ManagerImplBase {
    private final AccountUseCases accounts;

    public ManagerAccountGrpcService(AccountUseCases accounts) {
        this.accounts = accounts;
    }

    @Override
    public void register(RegisterManagerRequest request, StreamObserver<ManagerInfo> response) {
        ManagerInfo registered = AccountMessages.toProto(accounts.registerManager(AccountMessages.toCommand(request)));
        response.onNext(registered);
        response.onCompleted();
    }

    @Override
    public void getInfo(TelegramIdRequest request, StreamObserver<ManagerInfo> response) {
        ManagerInfo info = AccountMessages.toProto(accounts.getManager(new TelegramId(request.getTelegramId())));
        response.onNext(info);
        response.onCompleted();
    }

    @Override
    public void isRegistered(TelegramIdRequest request, StreamObserver<RegistrationStatus> response) {
        boolean registered = accounts.isManagerRegistered(new TelegramId(request.getTelegramId()));
        response.onNext(RegistrationStatus.newBuilder().setRegistered(registered).build());
        response.onCompleted();
    }

    @Override
    public void issueApiToken(TelegramIdRequest request, StreamObserver<ApiTokenResponse> response) {
        ApiToken token = accounts.issueApiToken(new TelegramId(request.getTelegramId()));
        response.onNext(ApiTokenResponse.newBuilder().setApiToken(token.value()).build());
        response.onCompleted();
    }

    @Override
    public void rotateApiToken(TelegramIdRequest request, StreamObserver<ApiTokenResponse> response) {
        ApiToken token = accounts.rotateApiToken(new TelegramId(request.getTelegramId()));
        response.onNext(ApiTokenResponse.newBuilder().setApiToken(token.value()).build());
        response.onCompleted();
    }

    @Override
    public void authenticateApiToken(AuthenticateApiTokenRequest request, StreamObserver<AuthenticateApiTokenResponse> response) {
        TelegramId manager = accounts.authenticate(request.getApiToken());
        response.onNext(AuthenticateApiTokenResponse.newBuilder().setManagerTelegramId(manager.value()).build());
        response.onCompleted();
    }
}
