package io.parceltrack.apps.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.postgres.TemporaryDatabase;
import io.parceltrack.rest.AppHttpServer;
import io.parceltrack.rest.HttpServerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An app whose database answers but lacks migrations is not ready, and its readiness probe names
 * the schema as the reason; once migrated it is.
 */
class SchemaReadinessIT {
    private final TemporaryDatabase temporary = TemporaryDatabase.create();
    private final PostgresDatabase database = PostgresDatabase.open(temporary.settings());
    private AppHttpServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.stop();
        }
        database.close();
        temporary.close();
    }

    @Test
    void aDatabaseWithPendingMigrationsKeepsTheAppUnreadyAndSaysWhy() throws Exception {
        server = new AppHttpServer(HttpServerSettings.defaults().withAddress("127.0.0.1", 0), Map.of(
                "parcels database", database::isReachable,
                "parcels database schema", new SchemaReadiness(database, DatabaseRole.PARCELS)), List.of());
        server.start();

        HttpResponse<String> before = ready();
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(before.body()).contains("not ready: parcels database schema failed")
                .contains("\"parcels database schema\":\"DOWN\"").contains("\"parcels database\":\"UP\"");

        database.migrate(DatabaseRole.PARCELS, false);

        HttpResponse<String> after = ready();
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(after.body()).contains("\"parcels database schema\":\"UP\"");
    }

    private HttpResponse<String> ready() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
