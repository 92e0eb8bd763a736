package io.parceltrack.apps.wiring;

import io.parceltrack.apps.area.Assembly;
import io.parceltrack.port.out.webhook.WebhookAlerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the news of a disabled webhook endpoint goes. */
public final class WebhookAlertsWiring {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookAlertsWiring.class);

    private WebhookAlertsWiring() {}

    /**
     * The operators' log. The manager sees the endpoint as disabled, with the reason, in the REST API
     * ({@code GET /api/v1/webhooks}), and is told in the manager bot: the disabled endpoint itself is
     * the notice it owes, which the manager bot picks up when it next looks (see {@code ManagerBotArea}).
     */
    public static WebhookAlerts alerts(Assembly assembly) {
        return alerts(assembly, () -> {});
    }

    /** As {@link #alerts(Assembly)}, and {@code managerBotNearby} runs so that a manager bot in this process looks at once. */
    public static WebhookAlerts alerts(Assembly assembly, Runnable managerBotNearby) {
        return endpoint -> {
            LOG.warn("{}: webhook endpoint {} of manager {} ({}) was disabled: {}", assembly.app(),
                    endpoint.id(), endpoint.manager(), endpoint.url().host(), endpoint.health());
            managerBotNearby.run();
        };
    }
}
