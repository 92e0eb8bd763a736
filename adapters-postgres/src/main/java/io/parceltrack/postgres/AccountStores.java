package io.parceltrack.postgres;

/** The stores of the accounts database. */
public record AccountStores(PostgresUserStore users, PostgresManagerStore managers) {}
