package io.parceltrack.rest.track;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.port.in.tracking.PublicParcelView;
import java.util.List;

/**
 * The JSON twin of the page, for widgets: the same public fields, named as the manager API names
 * them ({@code parcel_name}, {@code checkpoint_time}), documented in {@code /track/openapi.json}.
 */
final class TrackingJson {
    static final String MEDIA_TYPE = "application/json";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String PROBLEM_TYPE_PREFIX = "urn:parceltrack:problem:";

    private final ObjectMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    @JsonPropertyOrder({"parcel_track_number", "parcel_name", "parcel_status", "parcel_forecast_date",
            "tracking_page_url", "telegram_url", "checkpoints", "page", "page_size", "next_page_url"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ParcelBody(String parcelTrackNumber, String parcelName, String parcelStatus, String parcelForecastDate,
            String trackingPageUrl, String telegramUrl, List<CheckpointBody> checkpoints, int page, int pageSize,
            String nextPageUrl) {}

    @JsonPropertyOrder({"checkpoint_time", "checkpoint_place", "checkpoint_description", "checkpoint_parcel_status"})
    record CheckpointBody(String checkpointTime, String checkpointPlace, String checkpointDescription,
            String checkpointParcelStatus) {}

    /** An RFC 9457 problem, with the type URIs the manager API uses for the same kinds. */
    @JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
    record ProblemBody(String type, String title, int status, String detail, String instance) {}

    String parcel(PublicParcelView view, String telegramUrl) {
        String number = view.trackNumber().value();
        int page = view.checkpoints().request().page();
        return write(new ParcelBody(number, view.name(), view.status().name(), view.forecastDate().toString(),
                TrackingPage.parcelPath(number), telegramUrl,
                view.checkpoints().items().stream().map(TrackingJson::checkpoint).toList(),
                page, view.checkpoints().request().size(),
                view.checkpoints().hasNext() ? TrackingPage.jsonPath(number) + "?page=" + (page + 1) : null));
    }

    String problem(String slug, String title, int status, String detail, String instance) {
        return write(new ProblemBody(PROBLEM_TYPE_PREFIX + slug, title, status, detail, instance));
    }

    private static CheckpointBody checkpoint(Checkpoint checkpoint) {
        return new CheckpointBody(checkpoint.time().toString(), checkpoint.place(), checkpoint.description(),
                checkpoint.status().name());
    }

    private String write(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
