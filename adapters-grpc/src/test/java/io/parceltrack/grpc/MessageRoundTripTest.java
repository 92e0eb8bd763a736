package io.parceltrack.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.Email;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.account.PersonProfile;
import io.parceltrack.domain.account.PhoneNumber;
import io.parceltrack.domain.account.User;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.CheckpointEffect;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.domain.validation.FieldViolation;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.port.in.account.RegisterUserCommand;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.proto.ProtoMapping;
import io.parceltrack.proto.account.ManagerInfo;
import io.parceltrack.proto.account.RegisterUserRequest;
import io.parceltrack.proto.account.UserInfo;
import io.parceltrack.proto.parcels.manager.AddParcelRequest;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every message the gRPC services carry maps domain → protobuf → domain without losing anything:
 * Unicode text, line breaks, nanoseconds, and fields that are absent.
 */
class MessageRoundTripTest {
    private static final Instant REGISTERED = Instant.parse("2026-03-01T10:15:30.123456789Z");
    private static final TelegramId ID = new TelegramId(9_007_199_254_740_993L);
    private static final ParcelDetails DETAILS = new ParcelDetails("Самовар «Тульский» 🫖", "Ольга Иванова-Петрова",
            "Тула, проспект Ленина 1, кв. 5", Instant.parse("2026-12-31T23:59:59.999999999Z"), "Осторожно:\nстекло\tи фарфор");
    private static final TrackNumber TRACK = new TrackNumber("VF834349180");

    // --- account

    @Test
    void aUserWithPhoneSurvives() {
        User user = new User(ID, new PersonProfile("Zoë Ångström 李小龙", Email.parse("zoe@bücher.example"),
                PhoneNumber.parse("+7 999 123-45-67")), REGISTERED);

        assertThat(AccountMessages.toDomain(AccountMessages.toProto(user))).isEqualTo(user);
    }

    @Test
    void aUserWithoutPhoneSurvivesAndSendsAnEmptyPhone() {
        User user = new User(ID, new PersonProfile("Ivan Petrov", Email.parse("ivan@example.com"), null), REGISTERED);

        UserInfo info = AccountMessages.toProto(user);

        assertThat(info.getPhone()).isEmpty();
        assertThat(AccountMessages.toDomain(info)).isEqualTo(user);
    }

    @Test
    void aManagerWithCompanyAndTokenSurvives() {
        Manager manager = new Manager(ID, new PersonProfile("Max Müller", Email.parse("max@shop.example"),
                PhoneNumber.parse("+49301234567")), "Müller & Söhne GmbH", REGISTERED, REGISTERED.plusSeconds(3600));

        assertThat(AccountMessages.toDomain(AccountMessages.toProto(manager))).isEqualTo(manager);
    }

    @Test
    void aManagerWithoutCompanyPhoneOrTokenSurvivesWithThoseFieldsAbsent() {
        Manager manager = new Manager(ID, new PersonProfile("Max Müller", Email.parse("max@shop.example"), null),
                null, REGISTERED, null);

        ManagerInfo info = AccountMessages.toProto(manager);

        assertThat(info.hasApiTokenIssuedAt()).isFalse();
        assertThat(info.getCompany()).isEmpty();
        assertThat(AccountMessages.toDomain(info)).isEqualTo(manager);
    }

    @Test
    void registrationCommandsSurvive() {
        RegisterUserCommand user = RegisterUserCommand.parse(ID, "Анна Смирнова", "anna@example.com", "+79991234567");
        RegisterUserCommand userWithoutPhone = RegisterUserCommand.parse(ID, "Анна Смирнова", "anna@example.com", null);
        RegisterManagerCommand manager = RegisterManagerCommand.parse(ID, "Max Müller", "max@shop.example", "", "ACME 📦");
        RegisterManagerCommand managerAlone = RegisterManagerCommand.parse(ID, "Max Müller", "max@shop.example", "", "");

        assertThat(AccountMessages.toCommand(AccountMessages.toRequest(user))).isEqualTo(user);
        assertThat(AccountMessages.toCommand(AccountMessages.toRequest(userWithoutPhone))).isEqualTo(userWithoutPhone);
        assertThat(AccountMessages.toCommand(AccountMessages.toRequest(manager))).isEqualTo(manager);
        assertThat(AccountMessages.toCommand(AccountMessages.toRequest(managerAlone))).isEqualTo(managerAlone);
    }

    @Test
    void aRegistrationRequestIsReadLikeTheDomainReadsRawInput() {
        RegisterUserRequest request = RegisterUserRequest.newBuilder()
                .setTelegramId(42).setFullName("  Анна Смирнова ").setEmail(" anna@EXAMPLE.com").setPhone("8 (999) 1234567")
                .build();

        InvalidInputException failure = catchThrowableOfType(InvalidInputException.class, () -> AccountMessages.toCommand(request));

        assertThat(failure.violations()).extracting(FieldViolation::field).containsExactly("phone");
        assertThat(AccountMessages.toCommand(request.toBuilder().setPhone("").build()))
                .isEqualTo(RegisterUserCommand.parse(new TelegramId(42), "Анна Смирнова", "anna@example.com", ""));
    }

    // --- parcels-manager commands

    @Test
    void addParcelSurvives() {
        AddParcelCommand command = new AddParcelCommand(ID, DETAILS);

        assertThat(ManagerParcelMessages.toCommand(ManagerParcelMessages.toRequest(command))).isEqualTo(command);
    }

    @Test
    void addParcelWithEmptyDescriptionSurvives() {
        AddParcelCommand command = new AddParcelCommand(ID,
                new ParcelDetails("Box", "Bob", "Baker St 221b", Instant.parse("2027-01-01T00:00:00Z"), ""));

        assertThat(ManagerParcelMessages.toCommand(ManagerParcelMessages.toRequest(command))).isEqualTo(command);
    }

    @Test
    void anAddParcelRequestWithoutForecastDateNamesIt() {
        AddParcelRequest request = ManagerParcelMessages.toRequest(new AddParcelCommand(ID, DETAILS)).toBuilder()
                .clearForecastDate()
                .build();

        InvalidInputException failure = catchThrowableOfType(InvalidInputException.class,
                () -> ManagerParcelMessages.toCommand(request));

        assertThat(failure.violations()).extracting(FieldViolation::field).containsExactly("forecastDate");
    }

    @Test
    void addCheckpointSurvives() {
        AddCheckpointCommand command = new AddCheckpointCommand(ID, TRACK,
                new Checkpoint(REGISTERED, "Пункт выдачи №7", "Вручено 🎉\nс подписью", ParcelStatus.DELIVERED));

        assertThat(ManagerParcelMessages.toCommand(ManagerParcelMessages.toRequest(command))).isEqualTo(command);
    }

    // --- shared parcel messages (ProtoMapping), as the gRPC replies carry them

    @Test
    void aParcelWithoutCheckpointsSurvivesWithLastCheckpointAbsent() {
        Parcel parcel = Parcel.register(TRACK, DETAILS, ID, REGISTERED);

        io.parceltrack.proto.parcel.Parcel message = ProtoMapping.toProto(parcel);

        assertThat(message.hasLastCheckpointAt()).isFalse();
        assertThat(ProtoMapping.toDomain(message)).isEqualTo(parcel);
    }

    @Test
    void aParcelWithACheckpointSurvivesWithItsTimeAndStatus() {
        Parcel parcel = Parcel.register(TRACK, DETAILS, ID, REGISTERED)
                .withCheckpoint(new Checkpoint(REGISTERED.plusNanos(1), "Тула", "", ParcelStatus.IN_TRANSIT));

        io.parceltrack.proto.parcel.Parcel message = ProtoMapping.toProto(parcel);

        assertThat(message.hasLastCheckpointAt()).isTrue();
        assertThat(ProtoMapping.toDomain(message)).isEqualTo(parcel);
    }

    @Test
    void everyStatusSurvives() {
        for (ParcelStatus status : ParcelStatus.values()) {
            assertThat(ProtoMapping.toDomain(ProtoMapping.toProto(status))).isEqualTo(status);
        }
    }

    @Test
    void checkpointsWithEveryStatusAndEmptyTextSurvive() {
        for (ParcelStatus status : ParcelStatus.checkpointStatuses()) {
            Checkpoint checkpoint = new Checkpoint(REGISTERED, "", "", status);
            assertThat(ProtoMapping.toDomain(ProtoMapping.toProto(checkpoint))).isEqualTo(checkpoint);
        }
    }

    @Test
    void pagesSurviveWithTheirRequestAndWhetherMoreFollow() {
        Parcel parcel = Parcel.register(TRACK, DETAILS, ID, REGISTERED);
        Page<Parcel> parcels = new Page<>(List.of(parcel, parcel), new PageRequest(3, 2), true);
        Page<Checkpoint> checkpoints = new Page<>(
                List.of(new Checkpoint(REGISTERED, "Тула", "прибыл", ParcelStatus.IN_TRANSIT)), new PageRequest(1, 20), false);
        Page<Parcel> empty = new Page<>(List.of(), new PageRequest(1, 100), false);

        assertThat(ProtoMapping.toDomain(ProtoMapping.toParcelPage(parcels))).isEqualTo(parcels);
        assertThat(ProtoMapping.toDomain(ProtoMapping.toCheckpointPage(checkpoints))).isEqualTo(checkpoints);
        assertThat(ProtoMapping.toDomain(ProtoMapping.toParcelPage(empty))).isEqualTo(empty);
        assertThat(ProtoMapping.toDomain(true, ProtoMapping.toProto(new PageRequest(7, 13)))).isEqualTo(new PageRequest(7, 13));
    }

    // --- broker messages, mapped by the same ProtoMapping

    @Test
    void eventsAndDeliveriesKeepTheirIds() {
        Checkpoint checkpoint = new Checkpoint(REGISTERED, "Тула", "прибыл 📦", ParcelStatus.IN_TRANSIT);
        ParcelEvent event = new ParcelEvent(EventId.random(new SplittableRandom(7)), TRACK, "Самовар", checkpoint, REGISTERED);
        Delivery delivery = Delivery.of(event, ID);

        assertThat(ProtoMapping.toDomain(ProtoMapping.toProto(event))).isEqualTo(event);
        assertThat(ProtoMapping.toDomain(ProtoMapping.toProto(delivery))).isEqualTo(delivery);
        assertThat(UUID.fromString(ProtoMapping.toProto(delivery).getDeliveryId())).isEqualTo(delivery.id().value());
    }

    @Test
    void eventsAndDeliveriesCarryTheParcelsStatusAfterALateCheckpoint() {
        Checkpoint late = new Checkpoint(REGISTERED, "Тула", "вручена", ParcelStatus.DELIVERED);
        CheckpointEffect effect = new CheckpointEffect(ParcelStatus.IN_TRANSIT, true);
        ParcelEvent event = new ParcelEvent(EventId.random(new SplittableRandom(8)), TRACK, "Самовар", late, REGISTERED,
                ParcelEvent.Kind.CHECKPOINT_RECORDED, null, ParcelStatus.IN_TRANSIT, effect);
        Delivery delivery = Delivery.of(event, ID);

        assertThat(ProtoMapping.toDomain(ProtoMapping.toProto(event)).effect()).isEqualTo(effect);
        assertThat(ProtoMapping.toDomain(ProtoMapping.toProto(delivery))).isEqualTo(delivery);
        assertThat(delivery.effect()).isEqualTo(effect);
    }

    @Test
    void readsMessagesWrittenBeforeTheEffectWasCarriedAsTheyWereMeant() throws Exception {
        Checkpoint checkpoint = new Checkpoint(REGISTERED, "Тула", "", ParcelStatus.DELIVERED);
        ParcelEvent event = new ParcelEvent(EventId.random(new SplittableRandom(9)), TRACK, "Самовар", checkpoint,
                REGISTERED, ParcelEvent.Kind.CHECKPOINT_RECORDED, null, ParcelStatus.IN_TRANSIT,
                new CheckpointEffect(ParcelStatus.IN_TRANSIT, true));
        // Today's bytes without the two new fields are exactly what the previous version wrote.
        byte[] oldEvent = ProtoMapping.toProto(event).toBuilder().clearParcelStatus().clearRecordedLate().build()
                .toByteArray();
        byte[] oldDelivery = ProtoMapping.toProto(Delivery.of(event, ID)).toBuilder().clearParcelStatus()
                .clearRecordedLate().build().toByteArray();

        ParcelEvent read = ProtoMapping.toDomain(io.parceltrack.proto.notification.Event.parseFrom(oldEvent));
        Delivery readDelivery = ProtoMapping.toDomain(io.parceltrack.proto.notification.Delivery.parseFrom(oldDelivery));

        assertThat(read.effect()).isEqualTo(new CheckpointEffect(ParcelStatus.DELIVERED, false));
        assertThat(read.checkpoint()).isEqualTo(checkpoint);
        assertThat(readDelivery.effect()).isEqualTo(new CheckpointEffect(ParcelStatus.DELIVERED, false));
    }
}
