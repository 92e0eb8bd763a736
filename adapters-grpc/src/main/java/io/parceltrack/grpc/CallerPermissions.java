package io.parceltrack.grpc;

import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.parceltrack.proto.account.ManagerGrpc;
import io.parceltrack.proto.account.UserGrpc;
import io.parceltrack.proto.parcels.manager.ParcelsManagerGrpc;
import io.parceltrack.proto.parcels.user.ParcelsUserGrpc;
import io.parceltrack.proto.webhooks.manager.ManagerWebhooksGrpc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call what: for every RPC of our services, the apps (named by the common name of their
 * certificate) that need it, taken from who calls what in the apps' wiring. An RPC missing from the
 * table is allowed to no one. The health service is open to every holder of a cluster certificate.
 */
public final class CallerPermissions {
    public static final String MANAGER_BOT = "manager-bot";
    public static final String USER_BOT = "user-bot";
    /** The REST API runs in parcels-manager-service and checks managers' API tokens at the account service. */
    public static final String PARCELS_MANAGER_SERVICE = "parcels-manager-service";

    /** Our services, whose every method the table must name. */
    public static final List<ServiceDescriptor> SERVICES = List.of(UserGrpc.getServiceDescriptor(),
            ManagerGrpc.getServiceDescriptor(), ParcelsManagerGrpc.getServiceDescriptor(),
            ParcelsUserGrpc.getServiceDescriptor(), ManagerWebhooksGrpc.getServiceDescriptor());

    private static final Map<String, Set<String>> CALLERS = new HashMap<>();

    static {
        // account-service, users: the user bot registers people and greets them by name.
        allow(UserGrpc.getRegisterMethod(), USER_BOT);
        allow(UserGrpc.getGetInfoMethod(), USER_BOT);
        allow(UserGrpc.getIsRegisteredMethod(), USER_BOT);
        // account-service, managers: the manager bot registers managers and hands out their API tokens;
        // only the REST side checks a presented token.
        allow(ManagerGrpc.getRegisterMethod(), MANAGER_BOT);
        allow(ManagerGrpc.getGetInfoMethod(), MANAGER_BOT);
        allow(ManagerGrpc.getIsRegisteredMethod(), MANAGER_BOT);
        allow(ManagerGrpc.getIssueApiTokenMethod(), MANAGER_BOT);
        allow(ManagerGrpc.getRotateApiTokenMethod(), MANAGER_BOT);
        allow(ManagerGrpc.getAuthenticateApiTokenMethod(), PARCELS_MANAGER_SERVICE);
        // parcels-manager-service: the manager bot (the REST API calls the same use cases in-process).
        allow(ParcelsManagerGrpc.getAddParcelMethod(), MANAGER_BOT);
        allow(ParcelsManagerGrpc.getDeleteParcelMethod(), MANAGER_BOT);
        allow(ParcelsManagerGrpc.getGetParcelMethod(), MANAGER_BOT);
        allow(ParcelsManagerGrpc.getListParcelsMethod(), MANAGER_BOT);
        allow(ParcelsManagerGrpc.getAddCheckpointMethod(), MANAGER_BOT);
        allow(ParcelsManagerGrpc.getGetCheckpointsMethod(), MANAGER_BOT);
        // parcels-user-service: the user bot (the tracking page calls the use cases in-process).
        allow(ParcelsUserGrpc.getGetParcelMethod(), USER_BOT);
        allow(ParcelsUserGrpc.getGetCheckpointsMethod(), USER_BOT);
        allow(ParcelsUserGrpc.getAddSubscriptionMethod(), USER_BOT);
        allow(ParcelsUserGrpc.getDeleteSubscriptionMethod(), USER_BOT);
        allow(ParcelsUserGrpc.getListSubscriptionsMethod(), USER_BOT);

        // The notices are not scoped to one manager: only the bot that tells managers may read and settle them.
        allow(ManagerWebhooksGrpc.getListWebhookEndpointsMethod(), MANAGER_BOT);
        allow(ManagerWebhooksGrpc.getListWebhookDeliveriesMethod(), MANAGER_BOT);
        allow(ManagerWebhooksGrpc.getListEndpointDisabledNoticesMethod(), MANAGER_BOT);
        allow(ManagerWebhooksGrpc.getMarkEndpointDisabledNoticeGivenMethod(), MANAGER_BOT);
    }

    private CallerPermissions() {}

    private static void allow(MethodDescriptor<?, ?> method, String... apps) {
        CALLERS.put(method.getFullMethodName(), Set.of(apps));
    }

    /** The apps that may call {@code fullMethodName} (e.g. {@code parceltrack.account.Manager/IssueApiToken}); none if it is not in the table. */
    public static Set<String> callersOf(String fullMethodName) {
        return Optional.ofNullable(CALLERS.get(fullMethodName)).orElse(Set.of());
    }

    public static boolean allows(String caller, String fullMethodName) {
        return callersOf(fullMethodName).contains(caller);
    }
}
