package io.parceltrack.port.in.user;

/** Everything the parcels-user service offers. */
public interface UserParcelUseCases
        extends ViewParcelQuery, ListCheckpointsQuery, SubscribeToParcelUseCase,
                UnsubscribeFromParcelUseCase, ListSubscriptionsQuery {}
