package io.parceltrack.rest;

/** One operation of the manager API, free of HTTP plumbing: a checked request in, an answer out. */
@FunctionalInterface
interface ManagerEndpoint {
    ApiResponse handle(ManagerRequest request);
}
