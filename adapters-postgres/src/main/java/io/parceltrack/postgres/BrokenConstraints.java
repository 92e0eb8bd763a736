package io.parceltrack.postgres;

import io.parceltrack.domain.account.Email;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.account.PersonProfile;
import io.parceltrack.domain.account.PhoneNumber;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.DomainException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import io.parceltrack.domain.validation.TextRule;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The domain error for each constraint of our migrations that a caller's data can break, by the
 * constraint's name. Constraints that no caller can break (generated keys, clashes the SQL resolves
 * with ON CONFLICT, pairs of columns only a store sets) are not here: breaking one is a bug of ours.
 */
final class BrokenConstraints {
    private static final String POSITIVE_ID = "must be a positive number";
    private static final String STATUSES = "must be PENDING, IN_TRANSIT, DELIVERED or CANCELED";
    private static final String YEARS = "must be between years 2000 and 9999";
    private static final String PARCEL_GONE = "the parcel does not exist";

    private static final Map<String, Supplier<DomainException>> ERRORS = errors();

    private BrokenConstraints() {}

    static Optional<DomainException> errorFor(String constraint) {
        return Optional.ofNullable(constraint).map(ERRORS::get).map(Supplier::get);
    }

    /** Every constraint translated here. */
    static Set<String> translated() {
        return ERRORS.keySet();
    }

    private static Map<String, Supplier<DomainException>> errors() {
        Map<String, Supplier<DomainException>> errors = new HashMap<>();
        // accounts
        errors.put("users_pkey",
                () -> new AlreadyExistsException(Subject.USER, "a user with this Telegram id is registered already"));
        errors.put("managers_pkey",
                () -> new AlreadyExistsException(Subject.MANAGER, "a manager with this Telegram id is registered already"));
        for (String table : new String[] {"users", "managers"}) {
            errors.put(table + "_telegram_id_check", invalid("telegramId", Kind.MALFORMED, POSITIVE_ID));
            errors.put(table + "_full_name_check", length(PersonProfile.FULL_NAME));
            errors.put(table + "_email_check",
                    invalid(Email.FIELD, Kind.MALFORMED, "must be an e-mail address of at most 320 characters"));
            errors.put(table + "_phone_check",
                    invalid(PhoneNumber.FIELD, Kind.MALFORMED, "must be an international number like +79991234567"));
        }
        errors.put("managers_company_check", length(Manager.COMPANY));
        // parcels
        errors.put("parcels_track_number_check",
                invalid(TrackNumber.FIELD, Kind.MALFORMED, "must be 2 Latin letters and 9 digits"));
        errors.put("parcels_name_check", length(ParcelDetails.NAME));
        errors.put("parcels_recipient_check", length(ParcelDetails.RECIPIENT));
        errors.put("parcels_arrival_address_check", length(ParcelDetails.ARRIVAL_ADDRESS));
        errors.put("parcels_forecast_date_check",
                invalid(ParcelDetails.FORECAST_DATE.field(), Kind.OUT_OF_RANGE, YEARS));
        errors.put("parcels_description_check", length(ParcelDetails.DESCRIPTION));
        errors.put("parcels_owner_telegram_id_check", invalid("owner", Kind.MALFORMED, POSITIVE_ID));
        errors.put("parcels_status_check", invalid("status", Kind.MALFORMED, STATUSES));
        errors.put("checkpoints_parcel_id_fkey", () -> new NotFoundException(Subject.PARCEL, PARCEL_GONE));
        errors.put("checkpoints_checkpoint_time_check", invalid(Checkpoint.TIME.field(), Kind.OUT_OF_RANGE, YEARS));
        errors.put("checkpoints_place_check", length(Checkpoint.PLACE));
        errors.put("checkpoints_description_check", length(Checkpoint.DESCRIPTION));
        errors.put("checkpoints_status_check", invalid(Checkpoint.STATUS_FIELD, Kind.MALFORMED, STATUSES));
        errors.put("subscriptions_parcel_id_fkey", () -> new NotFoundException(Subject.PARCEL, PARCEL_GONE));
        errors.put("subscriptions_user_telegram_id_check", invalid("telegramId", Kind.MALFORMED, POSITIVE_ID));
        errors.put("processed_messages_consumer_check", invalid("consumer", Kind.MALFORMED, "must be 1 to 100 characters"));
        errors.put("idempotency_keys_scope_check", invalid("scope", Kind.MALFORMED, "must be 1 to 255 characters"));
        errors.put("idempotency_keys_idempotency_key_check",
                invalid("idempotencyKey", Kind.MALFORMED, "must be 1 to 255 characters"));
        errors.put("idempotency_keys_fingerprint_check",
                invalid("fingerprint", Kind.MALFORMED, "must be 1 to 255 characters"));
        errors.put("idempotency_keys_response_check",
                invalid("response", Kind.MALFORMED, "must have a status between 100 and 599"));
        // bots
        errors.put("conversations_bot_check", invalid("bot", Kind.MALFORMED, "must be 1 to 64 characters"));
        errors.put("conversations_state_check", invalid("state", Kind.TOO_LONG, "must be at most 1 MiB"));
        errors.put("blocked_chats_bot_check", invalid("bot", Kind.MALFORMED, "must be 1 to 64 characters"));
        errors.put("bot_processed_messages_consumer_check",
                invalid("consumer", Kind.MALFORMED, "must be 1 to 100 characters"));
        return Map.copyOf(errors);
    }

    private static Supplier<DomainException> invalid(String field, Kind kind, String message) {
        return () -> InvalidInputException.of(field, kind, message);
    }

    /** The same words the domain's own length rule would use. */
    private static Supplier<DomainException> length(TextRule rule) {
        String bounds = rule.min() == 0
                ? "must be at most " + rule.max() + " characters"
                : "must be " + rule.min() + " to " + rule.max() + " characters";
        return invalid(rule.field(), Kind.MALFORMED, bounds);
    }
}
