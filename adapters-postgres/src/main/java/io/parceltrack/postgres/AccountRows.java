package io.parceltrack.postgres;

import io.parceltrack.domain.account.Email;
import io.parceltrack.domain.account.PersonProfile;
import io.parceltrack.domain.account.PhoneNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.SqlStatement;

/** The contact columns that the users and managers tables share. */
final class AccountRows {
    private AccountRows() {}

    static PersonProfile profile(ResultSet row) throws SQLException {
        String phone = row.getString("phone");
        return new PersonProfile(row.getString("full_name"), new Email(row.getString("email")),
                phone == null ? null : new PhoneNumber(phone));
    }

    /** Binds {@code :fullName}, {@code :email} and {@code :phone}. */
    static <S extends SqlStatement<S>> S bindProfile(S statement, PersonProfile profile) {
        return statement
                .bind("fullName", profile.fullName())
                .bind("email", profile.email().value())
                .bind("phone", profile.phoneNumber().map(PhoneNumber::value).orElse(null));
    }
}
