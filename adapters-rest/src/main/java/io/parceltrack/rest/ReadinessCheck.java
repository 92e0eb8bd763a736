package io.parceltrack.rest;

/**
 * Whether one dependency (a database, a remote service) can serve requests now. The REST API is
 * ready only when every check passes; a check that throws or takes longer than the configured
 * readiness timeout counts as failed.
 */
@FunctionalInterface
public interface ReadinessCheck {
    boolean isReady() throws Exception;
}
