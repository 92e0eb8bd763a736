package io.parceltrack.grpc;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.Email;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.account.PersonProfile;
import io.parceltrack.domain.account.PhoneNumber;
import io.parceltrack.domain.account.User;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.port.in.account.RegisterUserCommand;
import io.parceltrack.proto.ProtoMapping;
import io.parceltrack.proto.account.ManagerInfo;
import io.parceltrack.proto.account.RegisterManagerRequest;
import io.parceltrack.proto.account.RegisterUserRequest;
import io.parceltrack.proto.account.UserInfo;

/**
 * Domain ⇄ protobuf for the messages only the account service carries. (Messages that the broker
 * carries too, parcels and checkpoints, are mapped by {@link ProtoMapping}.) Empty strings stand for
 * an absent phone or company, as proto3 strings cannot be absent.
 */
final class AccountMessages {
    private AccountMessages() {}

    // --- requests: the client writes them from a command, the server reads them back into one

    static RegisterUserRequest toRequest(RegisterUserCommand command) {
        PersonProfile profile = command.profile();
        return RegisterUserRequest.newBuilder()
                .setTelegramId(command.id().value())
                .setFullName(profile.fullName())
                .setEmail(profile.email().value())
                .setPhone(phone(profile))
                .build();
    }

    /** @throws io.parceltrack.domain.error.InvalidInputException naming every bad field, the id included */
    static RegisterUserCommand toCommand(RegisterUserRequest request) {
        return RegisterUserCommand.parse(
                request.getTelegramId(), request.getFullName(), request.getEmail(), request.getPhone());
    }

    static RegisterManagerRequest toRequest(RegisterManagerCommand command) {
        PersonProfile profile = command.profile();
        return RegisterManagerRequest.newBuilder()
                .setTelegramId(command.id().value())
                .setFullName(profile.fullName())
                .setEmail(profile.email().value())
                .setPhone(phone(profile))
                .setCompany(command.company() == null ? "" : command.company())
                .build();
    }

    /** @throws io.parceltrack.domain.error.InvalidInputException naming every bad field, the id included */
    static RegisterManagerCommand toCommand(RegisterManagerRequest request) {
        return RegisterManagerCommand.parse(request.getTelegramId(), request.getFullName(), request.getEmail(),
                request.getPhone(), request.getCompany());
    }

    // --- replies

    static UserInfo toProto(User user) {
        PersonProfile profile = user.profile();
        return UserInfo.newBuilder()
                .setTelegramId(user.id().value())
                .setFullName(profile.fullName())
                .setEmail(profile.email().value())
                .setPhone(phone(profile))
                .setRegisteredAt(ProtoMapping.toProto(user.registeredAt()))
                .build();
    }

    static User toDomain(UserInfo info) {
        return new User(
                new TelegramId(info.getTelegramId()),
                profile(info.getFullName(), info.getEmail(), info.getPhone()),
                ProtoMapping.toInstant("registeredAt", info.hasRegisteredAt(), info.getRegisteredAt()));
    }

    static ManagerInfo toProto(Manager manager) {
        PersonProfile profile = manager.profile();
        ManagerInfo.Builder info = ManagerInfo.newBuilder()
                .setTelegramId(manager.id().value())
                .setFullName(profile.fullName())
                .setEmail(profile.email().value())
                .setPhone(phone(profile))
                .setCompany(manager.companyName().orElse(""))
                .setRegisteredAt(ProtoMapping.toProto(manager.registeredAt()));
        if (manager.hasApiToken()) {
            info.setApiTokenIssuedAt(ProtoMapping.toProto(manager.apiTokenIssuedAt()));
        }
        return info.build();
    }

    static Manager toDomain(ManagerInfo info) {
        return new Manager(
                new TelegramId(info.getTelegramId()),
                profile(info.getFullName(), info.getEmail(), info.getPhone()),
                info.getCompany().isEmpty() ? null : info.getCompany(),
                ProtoMapping.toInstant("registeredAt", info.hasRegisteredAt(), info.getRegisteredAt()),
                ProtoMapping.toInstant("apiTokenIssuedAt", info.hasApiTokenIssuedAt(), info.getApiTokenIssuedAt()));
    }

    // A reply holds values the domain validated already, so they are taken exactly as they are.
    private static PersonProfile profile(String fullName, String email, String phone) {
        return new PersonProfile(fullName, new Email(email), phone.isEmpty() ? null : new PhoneNumber(phone));
    }

    private static String phone(PersonProfile profile) {
        return profile.phoneNumber().map(PhoneNumber::value).orElse("");
    }
}
