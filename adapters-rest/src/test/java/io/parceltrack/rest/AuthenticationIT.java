package io.parceltrack.rest;

import static io.parceltrack.rest.ParcelRoutesIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API token in {@code Authorization}, bare or as a bearer token, checked through the accounts port. */
class AuthenticationIT {
    @RegisterExtension
    static final RunningApi api = RunningApi.start();
    private static final HttpCalls http = new HttpCalls(api);

    @Test
    void acceptsTheBareTokenAsItsHolder() {
        String token = api.newManagerToken();
        String own = http.createParcel(token);

        assertThat(ownTrackNumbers("Authorization", token)).containsExactly(own);
    }

    @Test
    void acceptsTheTokenAsABearerTokenWhateverTheSchemesCase() {
        String token = api.newManagerToken();
        String own = http.createParcel(token);

        assertThat(ownTrackNumbers("Authorization", "Bearer " + token)).containsExactly(own);
        assertThat(ownTrackNumbers("Authorization", "bearer  " + token)).containsExactly(own);
    }

    @Test
    void eachTokenActsForItsOwnManagerOnly() {
        String first = api.newManagerToken();
        String second = api.newManagerToken();
        String firstsParcel = http.createParcel(first);
        String secondsParcel = http.createParcel(second);

        assertThat(ownTrackNumbers("Authorization", first)).containsExactly(firstsParcel);
        assertThat(ownTrackNumbers("Authorization", "Bearer " + second)).containsExactly(secondsParcel);
        assertProblem(http.get("/api/v1/parcels/" + firstsParcel).token(second).send(), 403,
                "urn:parceltrack:problem:forbidden");
    }

    /** The track numbers of the parcels the manager the header authenticates owns. */
    private static List<String> ownTrackNumbers(String header, String value) {
        HttpResponse<String> listed = http.get("/api/v1/parcels").header(header, value).send();
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        List<String> trackNumbers = new ArrayList<>();
        HttpCalls.json(listed).forEach(parcel -> trackNumbers.add(parcel.get("parcel_track_number").asText()));
        return trackNumbers;
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

        String own = http.createParcel(current);

        assertProblem(http.get("/api/v1/parcels").token(old).send(), 401, "urn:parceltrack:problem:unauthenticated");
        assertThat(ownTrackNumbers("Authorization", current)).containsExactly(own);
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

    @Test
    void sendsWhoeverOpensTheRootToSwaggerUi() {
        HttpResponse<String> root = http.get("/").send();

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("/swagger");
    }
}
