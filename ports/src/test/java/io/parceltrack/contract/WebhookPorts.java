package io.parceltrack.contract;

import io.parceltrack.port.out.webhook.DeliveryAttemptLog;
import io.parceltrack.port.out.webhook.WebhookEndpointStore;
import io.parceltrack.port.out.webhook.WebhookSchedule;

/** The webhook out-ports; they share data (deliveries and attempts belong to endpoints), so they are tested together. */
public record WebhookPorts(WebhookEndpointStore endpoints, WebhookSchedule schedule, DeliveryAttemptLog attempts) {}
