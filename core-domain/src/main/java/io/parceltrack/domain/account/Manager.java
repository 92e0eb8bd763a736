package io.parceltrack.domain.account;

import io.parceltrack.domain.StoredPrecision;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.validation.TextRule;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A shipping manager. {@code company} is {@code null} when not given; {@code apiTokenIssuedAt} is
 * when the current API token was issued, {@code null} while the manager has none. The token itself
 * is never part of the model: only its hash is stored, by the accounts store.
 */
public record Manager(
        TelegramId id, PersonProfile profile, String company, Instant registeredAt, Instant apiTokenIssuedAt) {
    public static final TextRule COMPANY = TextRule.singleLine("company", 3, 255);

    public Manager {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        registeredAt = StoredPrecision.micros(Objects.requireNonNull(registeredAt, "registeredAt"));
        apiTokenIssuedAt = StoredPrecision.micros(apiTokenIssuedAt);
        if (company != null) {
            company = COMPANY.require(company);
        }
    }

    public Optional<String> companyName() {
        return Optional.ofNullable(company);
    }

    public boolean hasApiToken() {
        return apiTokenIssuedAt != null;
    }

    public Manager withApiTokenIssuedAt(Instant issuedAt) {
        return new Manager(id, profile, company, registeredAt, issuedAt);
    }
}
