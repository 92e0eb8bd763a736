package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.validation.FieldViolation;
import io.parceltrack.port.out.UnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The translation of failures the server rarely produces on demand (a failover, a deadlock, a
 * timeout); the ones a test can provoke are covered against the real server by the *IT classes.
 */
class SqlFailuresTest {

    /** A failed statement as JDBI reports it, with the server's error fields. */
    private static UnableToExecuteStatementException statementFailed(String sqlState, String constraint) {
        String fields = "SERROR\0C" + sqlState + "\0Msomething went wrong\0"
                + (constraint == null ? "" : "n" + constraint + "\0");
        return new UnableToExecuteStatementException(new PSQLException(new ServerErrorMessage(fields)), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "53300", "57P01", "57P03", "40001", "40P01", "55P03", "57014", "25006"})
    void troubleWithTheServerIsUnavailable(String sqlState) {
        assertThat(SqlFailures.translate(statementFailed(sqlState, null)))
                .isInstanceOf(UnavailableException.class)
                .hasMessage(SqlFailures.UNAVAILABLE);
    }

    @Test
    void noConnectionFromThePoolIsUnavailable() {
        var poolTimedOut = new ConnectionException(new SQLTransientConnectionException("pool timed out"));

        assertThat(SqlFailures.translate(poolTimedOut)).isInstanceOf(UnavailableException.class);
    }

    @Test
    void brokenConstraintsBecomeTheirDomainErrors() {
        assertThat(SqlFailures.translate(statementFailed("23505", "managers_pkey")))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> assertThat(e.subject()).isEqualTo(Subject.MANAGER));
        assertThat(SqlFailures.translate(statementFailed("23503", "subscriptions_parcel_id_fkey")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.subject()).isEqualTo(Subject.PARCEL));
        assertThat(SqlFailures.translate(statementFailed("23514", "parcels_name_check")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field, FieldViolation::message)
                        .containsExactly(tuple("name", "must be 3 to 100 characters")));
    }

    @Test
    void anythingElseIsOurBugAndSaysOnlyWhichRuleAndState() {
        RuntimeException translated = SqlFailures.translate(statementFailed("23502", null));

        assertThat(translated).isInstanceOf(IllegalStateException.class)
                .hasMessage("a database call failed (SQLSTATE 23502)");
        assertThat(SqlFailures.translate(statementFailed("23505", "outbox_event_id_key")))
                .hasMessage("a database call broke constraint outbox_event_id_key (SQLSTATE 23505)");
    }

    @Test
    void aFailureOfPlainJdbcIsTranslatedAsJdbisWouldBe() {
        for (String sqlState : new String[] {"08006", "40001", "55P03", "23502"}) {
            SQLException plain = new PSQLException(new ServerErrorMessage("SERROR\0C" + sqlState + "\0Msecret detail\0"));
            RuntimeException direct = SqlFailures.translate(plain);
            RuntimeException throughJdbi = SqlFailures.translate(statementFailed(sqlState, null));

            assertThat(direct).as(sqlState).hasSameClassAs(throughJdbi).hasMessage(throughJdbi.getMessage());
            assertThat(direct.getMessage()).doesNotContain("secret");
        }
        assertThat(SqlFailures.translate(new PSQLException(new ServerErrorMessage(
                "SERROR\0C23505\0Mduplicate\0nmanagers_pkey\0")))).isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void findsTheSqlExceptionUnderWrappers() {
        SQLException root = new SQLException("root", "08006");

        // (Throwable): an SQLException is also an Iterable, which AssertJ would pick otherwise.
        assertThat((Throwable) SqlFailures.firstSqlException(new RuntimeException(new IllegalStateException(root))))
                .isSameAs(root);
        assertThat((Throwable) SqlFailures.firstSqlException(new RuntimeException("no SQL here"))).isNull();
    }
}
