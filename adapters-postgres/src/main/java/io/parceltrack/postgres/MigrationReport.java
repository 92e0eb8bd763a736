package io.parceltrack.postgres;

/**
 * What a migration run did: how many migrations it applied and the schema version it left, plus the
 * same for the demo data when that was asked for ({@code null} version: none applied yet).
 */
public record MigrationReport(
        DatabaseRole role, int applied, String schemaVersion, int demoApplied, String demoVersion) {}
