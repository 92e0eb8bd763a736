package io.parceltrack.domain.webhook;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a manager's endpoint can subscribe to, by the names a webhook's {@code type} carries. */
public enum WebhookEventType {
    CHECKPOINT_RECORDED("checkpoint.recorded"),
    PARCEL_STATUS_CHANGED("parcel.status_changed"),
    PARCEL_DELETED("parcel.deleted");

    /** The type of the message {@code POST /webhooks/{id}/test} sends; not subscribable. */
    public static final String TEST_TYPE = "webhook.test";

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static WebhookEventType parse(String field, String text) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(text)).findFirst()
                .orElseThrow(() -> InvalidInputException.of(field, Kind.MALFORMED,
                        "must be one of " + Arrays.stream(values()).map(WebhookEventType::wireName).toList()));
    }

    /**
     * The webhook events one parcel event amounts to: a checkpoint is recorded, and if it moved the
     * parcel to another status, that status changed too. An event from before the previous status
     * was carried cannot tell, so it counts as a checkpoint only.
     */
    public static List<WebhookEventType> of(ParcelEvent event) {
        if (!event.isCheckpoint()) {
            return List.of(PARCEL_DELETED);
        }
        List<WebhookEventType> types = new ArrayList<>(List.of(CHECKPOINT_RECORDED));
        ParcelStatus before = event.statusBefore();
        if (before != ParcelStatus.UNKNOWN && before != ParcelStatusAfter.of(event)) {
            types.add(PARCEL_STATUS_CHANGED);
        }
        return List.copyOf(types);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
