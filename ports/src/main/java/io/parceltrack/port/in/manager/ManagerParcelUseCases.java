package io.parceltrack.port.in.manager;

/** Everything the parcels-manager service offers. */
public interface ManagerParcelUseCases
        extends AddParcelUseCase, GetOwnParcelQuery, DeleteParcelUseCase, ListOwnParcelsQuery,
                AddCheckpointUseCase, ListOwnParcelCheckpointsQuery {}
