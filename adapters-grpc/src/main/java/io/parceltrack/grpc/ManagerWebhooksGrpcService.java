package io.parceltrack.grpc;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.port.in.webhook.ManagerWebhookUseCases;
import io.parceltrack.proto.ProtoMapping;
import io.parceltrack.proto.WebhookProtoMapping;
import io.parceltrack.proto.webhooks.manager.EndpointDisabledNoticeList;
import io.parceltrack.proto.webhooks.manager.ListEndpointDisabledNoticesRequest;
import io.parceltrack.proto.webhooks.manager.ListWebhookDeliveriesRequest;
import io.parceltrack.proto.webhooks.manager.ListWebhookEndpointsRequest;
import io.parceltrack.proto.webhooks.manager.ManagerWebhooksGrpc;
import io.parceltrack.proto.webhooks.manager.MarkEndpointDisabledNoticeGivenRequest;
import io.parceltrack.proto.webhooks.manager.WebhookDeliveryList;
import io.parceltrack.proto.webhooks.manager.WebhookEndpointList;
import java.time.Instant;

/**
 * Managers' webhooks for the manager bot: their endpoints (without secrets), the attempts to deliver
 * to one, and the notices of disabled endpoints still owed. The use cases decide who may see what.
 */
public final class ManagerWebhooksGrpcService extends ManagerWebhooksGrpc.ManagerWebhooksImplBase {
    private final ManagerWebhookUseCases webhooks;

    public ManagerWebhooksGrpcService(ManagerWebhookUseCases webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public void listWebhookEndpoints(ListWebhookEndpointsRequest request, StreamObserver<WebhookEndpointList> response) {
        RequestReader read = new RequestReader();
        TelegramId manager = read.telegramId(request.getManagerTelegramId());
        read.requireValid();
        WebhookEndpointList.Builder list = WebhookEndpointList.newBuilder();
        webhooks.listEndpointViews(manager).forEach(endpoint -> list.addEndpoints(WebhookProtoMapping.toProto(endpoint)));
        response.onNext(list.build());
        response.onCompleted();
    }

    @Override
    public void listWebhookDeliveries(ListWebhookDeliveriesRequest request, StreamObserver<WebhookDeliveryList> response) {
        RequestReader read = new RequestReader();
        TelegramId manager = read.telegramId(request.getManagerTelegramId());
        WebhookEndpointId endpoint = read.read(() -> WebhookEndpointId.parse("endpoint_id", request.getEndpointId()));
        read.requireValid();
        WebhookDeliveryList.Builder list = WebhookDeliveryList.newBuilder();
        webhooks.listDeliveries(manager, endpoint, request.getLimit())
                .forEach(attempt -> list.addDeliveries(WebhookProtoMapping.toProto(attempt)));
        response.onNext(list.build());
        response.onCompleted();
    }

    @Override
    public void listEndpointDisabledNotices(ListEndpointDisabledNoticesRequest request,
            StreamObserver<EndpointDisabledNoticeList> response) {
        EndpointDisabledNoticeList.Builder list = EndpointDisabledNoticeList.newBuilder();
        webhooks.pendingNotices(request.getLimit()).forEach(notice -> list.addNotices(WebhookProtoMapping.toProto(notice)));
        response.onNext(list.build());
        response.onCompleted();
    }

    @Override
    public void markEndpointDisabledNoticeGiven(MarkEndpointDisabledNoticeGivenRequest request,
            StreamObserver<Empty> response) {
        RequestReader read = new RequestReader();
        WebhookEndpointId endpoint = read.read(() -> WebhookEndpointId.parse("endpoint_id", request.getEndpointId()));
        Instant disabledAt = read.read(() -> requiredTime(request));
        read.requireValid();
        webhooks.noticeGiven(endpoint, disabledAt);
        response.onNext(Empty.getDefaultInstance());
        response.onCompleted();
    }

    private static Instant requiredTime(MarkEndpointDisabledNoticeGivenRequest request) {
        if (!request.hasDisabledAt()) {
            throw io.parceltrack.domain.error.InvalidInputException.of("disabled_at",
                    io.parceltrack.domain.validation.FieldViolation.Kind.REQUIRED, "is required");
        }
        return ProtoMapping.toInstant("disabled_at", true, request.getDisabledAt());
    }
}
