package io.parceltrack.apps.area;

import io.grpc.BindableService;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.grpc.ParcelsUserGrpcService;
import io.parceltrack.rest.RateLimitSettings;
import io.parceltrack.rest.RouteGroup;
import io.parceltrack.rest.track.TrackingPage;
import io.parceltrack.rest.track.TrackingPageSettings;
import io.parceltrack.service.PublicTrackingService;
import io.parceltrack.service.UserParcelService;

/**
 * Recipients' reads and subscriptions on the parcels data, and their faces: gRPC for the user bot,
 * the public tracking page for people without Telegram.
 */
public final class UserParcelArea {
    private static final String USER_BOT_USERNAME = "parceltrack.telegram.user-bot.username";

    private final ParcelData data;
    private final UserParcelService service;

    public UserParcelArea(ParcelData data) {
        this.data = data;
        this.service = new UserParcelService(data.parcels(), data.subscriptions());
    }

    public UserParcelService service() {
        return service;
    }

    public BindableService grpcService() {
        return new ParcelsUserGrpcService(service);
    }

    /** The public tracking page {@code /track} and its JSON twin, linking to the user bot. */
    public RouteGroup trackingPage(Assembly assembly) {
        AppSettings settings = assembly.settings();
        AppSettings.TrackingPage page = settings.trackingPage();
        return new TrackingPage(new PublicTrackingService(data.parcels()),
                new TrackingPageSettings(settings.telegram().userBot().username(), page.checkpointsPerPage(),
                        new RateLimitSettings(page.ratePerSecond(), page.rateBurst()), page.trackedAddresses(),
                        page.trustedProxies(), page.cacheTtl(), page.cachedViews()),
                assembly.clock());
    }

    /** The page's "Follow in Telegram" links to the user bot: its username must be one Telegram could have. */
    public static void checkUserBotUsername(AppSettings settings, SettingsReader reader) {
        if (!TrackingPageSettings.isBotUsername(settings.telegram().userBot().username())) {
            reader.problem(USER_BOT_USERNAME, "must be a Telegram bot username (5 to 32 letters, digits and _, "
                    + "starting with a letter), got '" + settings.telegram().userBot().username() + "'");
        }
    }
}
