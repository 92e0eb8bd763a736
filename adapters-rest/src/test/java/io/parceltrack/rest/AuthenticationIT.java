package io.parceltrack.rest;

import static io.parceltrack.rest.ParcelRoutesIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API token in {@code Authorization}, bare or as a bearer token, checked through the accounts port. */
class AuthenticationIT {
    @RegisterExtension
    static final RunningApi api = RunningApi.start();
    private static final HttpCalls http = new HttpCalls(api);

    @Test
    void acceptsTheBareToken() {
        String token = api.newManagerToken();

        assertThat(http.get("/api/v1/parcels").header("Authorization", token).send().statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsTheTokenAsABearerTokenWhateverTheSchemesCase() {
        String token = api.newManagerToken();

        assertThat(http.get("/api/v1/parcels").header("Authorization", "Bearer " + token).send().statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/parcels").header("Authorization", "bearer  " + token).send().statusCode()).isEqualTo(200);
    }

    @Test
    void challengesARequestWithoutToken() {
        HttpResponse<String> refused = http.get("/api/v1/parcels").send();

        assertProblem(refused, 401, "urn:parceltrack:problem:unauthenticated");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"parceltrack\"");
    }

    @Test
    void refusesATokenNobodyHoldsAsAnInvalidToken() {
        HttpResponse<String> refused = http.get("/api/v1/parcels").token("pt_" + "A".repeat(43)).send();

        assertProblem(refused, 401, "urn:parceltrack:problem:unauthenticated");
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"parceltrack\", error=\"invalid_token\"");
    }

    @Test
    void refusesTheOldTokenOnceRotated() {
        TelegramId manager = api.newManager();
        String old = api.accountService.issueApiToken(manager).value();
        String current = api.accountService.rotateApiToken(manager).value();

        assertProblem(http.get("/api/v1/parcels").token(old).send(), 401, "urn:parceltrack:problem:unauthenticated");
        assertThat(http.get("/api/v1/parcels").token(current).send().statusCode()).isEqualTo(200);
    }

    @Test
    void checksTheTokenBeforeLookingAtTheBody() {
        HttpResponse<String> refused = http.post("/api/v1/parcels", "{broken").header("Content-Type", "text/plain").send();

        assertProblem(refused, 401, "urn:parceltrack:problem:unauthenticated");
    }

    @Test
    void neverEchoesThePresentedToken() {
        String guess = "pt_secretGuessThatMustNotBeEchoed1234567890";

        HttpResponse<String> refused = http.get("/api/v1/parcels").token(guess).send();

        assertThat(refused.body()).doesNotContain(guess);
        assertThat(refused.headers().map().toString()).doesNotContain(guess);
    }

    @Test
    void leavesTheDocumentationAndHealthOpen() {
        assertThat(http.get("/api/v1/openapi.json").send().statusCode()).isEqualTo(200);
        assertThat(http.get("/health/live").send().statusCode()).isEqualTo(200);
        assertThat(http.get("/swagger").send().statusCode()).isEqualTo(200);
    }
}
