package io.parceltrack.apps;

import io.parceltrack.apps.area.Assembly;
import io.parceltrack.apps.area.EventTransport;
import io.parceltrack.apps.area.ParcelData;
import io.parceltrack.apps.area.WebhookArea;
import io.parceltrack.apps.wiring.WebhookAlertsWiring;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.wiring.HttpWiring;
import java.time.Clock;

/**
 * Turns each parcel event into one delivery per subscriber (Kafka in and out, parcels database read),
 * and into the webhooks managers asked for, which it sends.
 */
public final class NotificationServiceApp implements App {
    static final String COMMAND = "notification-service";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public String description() {
        return "fans parcel events out into one delivery per subscriber (Kafka, parcels database)";
    }

    @Override
    public void checkRequirements(AppSettings settings, SettingsReader reader) {
        App.require(reader, COMMAND, "parceltrack.db.parcels.url", settings.db().parcels().url());
        App.require(reader, COMMAND, "parceltrack.kafka.bootstrap-servers", settings.kafka().bootstrapServers());
    }

    @Override
    public Lifecycle assemble(AppSettings settings, Clock clock) {
        Assembly assembly = new Assembly(COMMAND, settings, clock);
        ParcelData parcels = ParcelData.open(assembly);
        EventTransport events = EventTransport.open(assembly);
        events.fanOut(parcels.subscriptions());
        new WebhookArea(assembly, parcels).deliverFrom(events, WebhookAlertsWiring.alerts(assembly));
        HttpWiring.serveHealth(assembly);
        return assembly.lifecycle();
    }
}
