package io.parceltrack.grpc;

import io.grpc.Channel;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.EndpointDisabledNotice;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookEndpointView;
import io.parceltrack.port.in.webhook.ManagerWebhookUseCases;
import io.parceltrack.proto.ProtoMapping;
import io.parceltrack.proto.WebhookProtoMapping;
import io.parceltrack.proto.webhooks.manager.ListEndpointDisabledNoticesRequest;
import io.parceltrack.proto.webhooks.manager.ListWebhookDeliveriesRequest;
import io.parceltrack.proto.webhooks.manager.ListWebhookEndpointsRequest;
import io.parceltrack.proto.webhooks.manager.ManagerWebhooksGrpc;
import io.parceltrack.proto.webhooks.manager.ManagerWebhooksGrpc.ManagerWebhooksBlockingStub;
import io.parceltrack.proto.webhooks.manager.MarkEndpointDisabledNoticeGivenRequest;
import java.time.Instant;
import java.util.List;

/** Managers' webhooks from parcels-manager-service over gRPC, for the manager bot. */
public final class ManagerWebhooksGrpcClient implements ManagerWebhookUseCases {
    private final ManagerWebhooksBlockingStub webhooks;
    private final RemoteCalls remote;

    /** {@code channel} should come from {@link ClientChannels#open} with the same settings. */
    public ManagerWebhooksGrpcClient(Channel channel, GrpcClientSettings settings) {
        this.webhooks = ManagerWebhooksGrpc.newBlockingStub(channel);
        this.remote = new RemoteCalls("parcels-manager service", settings);
    }

    @Override
    public List<WebhookEndpointView> listEndpointViews(TelegramId manager) {
        ListWebhookEndpointsRequest request = ListWebhookEndpointsRequest.newBuilder()
                .setManagerTelegramId(manager.value())
                .build();
        return remote.call(webhooks, stub -> stub.listWebhookEndpoints(request),
                reply -> reply.getEndpointsList().stream().map(WebhookProtoMapping::toDomain).toList());
    }

    @Override
    public List<DeliveryAttempt> listDeliveries(TelegramId manager, WebhookEndpointId id, int limit) {
        ListWebhookDeliveriesRequest request = ListWebhookDeliveriesRequest.newBuilder()
                .setManagerTelegramId(manager.value())
                .setEndpointId(id.toString())
                .setLimit(limit)
                .build();
        return remote.call(webhooks, stub -> stub.listWebhookDeliveries(request),
                reply -> reply.getDeliveriesList().stream().map(delivery -> WebhookProtoMapping.toDomain(id, delivery))
                        .toList());
    }

    @Override
    public List<EndpointDisabledNotice> pendingNotices(int limit) {
        ListEndpointDisabledNoticesRequest request = ListEndpointDisabledNoticesRequest.newBuilder().setLimit(limit).build();
        return remote.call(webhooks, stub -> stub.listEndpointDisabledNotices(request),
                reply -> reply.getNoticesList().stream().map(WebhookProtoMapping::toDomain).toList());
    }

    @Override
    public void noticeGiven(WebhookEndpointId endpoint, Instant disabledAt) {
        MarkEndpointDisabledNoticeGivenRequest request = MarkEndpointDisabledNoticeGivenRequest.newBuilder()
                .setEndpointId(endpoint.toString())
                .setDisabledAt(ProtoMapping.toProto(disabledAt))
                .build();
        remote.call(webhooks, stub -> stub.markEndpointDisabledNoticeGiven(request));
    }
}
