package io.parceltrack.rest;

import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookUrl;
import io.parceltrack.port.in.webhook.RegisterWebhookCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where the domain's field names ({@code name}, {@code forecastDate}, ...) become the
 * names a client of the REST API sent ({@code parcel_name}, {@code parcel_forecast_date}, ...). Each
 * route has its vocabulary, because the domain's {@code description} is {@code parcel_description}
 * in one request and {@code checkpoint_description} in another.
 */
final class FieldVocabulary {
    static final String TRACK_NUMBER_PATH_PARAMETER = "track-number";
    static final String PAGE_PARAMETER = "page";
    static final String PAGE_SIZE_PARAMETER = "page_size";
    static final String WEBHOOK_ID_PATH_PARAMETER = "webhook-id";
    static final String LIMIT_PARAMETER = "limit";

    /** Body of {@code POST /parcels}. */
    static final FieldVocabulary NEW_PARCEL = new FieldVocabulary(List.of(
            ParcelDetails.NAME.field(), "parcel_name",
            ParcelDetails.RECIPIENT.field(), "parcel_recipient",
            ParcelDetails.ARRIVAL_ADDRESS.field(), "parcel_arrival_address",
            ParcelDetails.FORECAST_DATE.field(), "parcel_forecast_date",
            ParcelDetails.DESCRIPTION.field(), "parcel_description"));

    /** Body of {@code POST /checkpoints}. */
    static final FieldVocabulary NEW_CHECKPOINT = new FieldVocabulary(List.of(
            TrackNumber.FIELD, "parcel_track_number",
            Checkpoint.TIME.field(), "checkpoint_time",
            Checkpoint.PLACE.field(), "checkpoint_place",
            Checkpoint.DESCRIPTION.field(), "checkpoint_description",
            Checkpoint.STATUS_FIELD, "checkpoint_parcel_status"));

    /** Query of the paged lists. */
    static final FieldVocabulary PAGING = new FieldVocabulary(List.of(
            PageRequest.PAGE_FIELD, PAGE_PARAMETER,
            PageRequest.SIZE_FIELD, PAGE_SIZE_PARAMETER));

    /** Path of {@code /parcels/{track-number}}. */
    static final FieldVocabulary PARCEL_PATH = new FieldVocabulary(List.of(
            TrackNumber.FIELD, TRACK_NUMBER_PATH_PARAMETER));

    /** Path and query of {@code /parcels/{track-number}/checkpoints}. */
    static final FieldVocabulary PARCEL_CHECKPOINTS = new FieldVocabulary(List.of(
            TrackNumber.FIELD, TRACK_NUMBER_PATH_PARAMETER,
            PageRequest.PAGE_FIELD, PAGE_PARAMETER,
            PageRequest.SIZE_FIELD, PAGE_SIZE_PARAMETER));

    /** Body of {@code POST /webhooks}. */
    static final FieldVocabulary NEW_WEBHOOK = new FieldVocabulary(List.of(
            WebhookUrl.FIELD, "url",
            RegisterWebhookCommand.EVENTS_FIELD, "events"));

    /** Path of {@code /webhooks/{webhook-id}} and its actions. */
    static final FieldVocabulary WEBHOOK_PATH = new FieldVocabulary(List.of(
            WebhookEndpointId.FIELD, WEBHOOK_ID_PATH_PARAMETER));

    /** Path and query of {@code /webhooks/{webhook-id}/deliveries}. */
    static final FieldVocabulary WEBHOOK_DELIVERIES = new FieldVocabulary(List.of(
            WebhookEndpointId.FIELD, WEBHOOK_ID_PATH_PARAMETER,
            LIMIT_PARAMETER, LIMIT_PARAMETER));

    /** For routes that take no input: domain names pass through unchanged. */
    static final FieldVocabulary NONE = new FieldVocabulary(List.of());

    private final Map<String, String> jsonByDomain = new LinkedHashMap<>();

    /** {@code pairs}: domain name, client name, domain name, client name, ... */
    private FieldVocabulary(List<String> pairs) {
        for (int i = 0; i < pairs.size(); i += 2) {
            jsonByDomain.put(pairs.get(i), pairs.get(i + 1));
        }
    }

    /** What the client called the domain's {@code domainField}; unknown names pass through. */
    String clientName(String domainField) {
        return jsonByDomain.getOrDefault(domainField, domainField);
    }

    /** Every client-side name of this vocabulary, in the order the API documents them. */
    List<String> clientNames() {
        return List.copyOf(jsonByDomain.values());
    }
}
