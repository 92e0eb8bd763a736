package io.parceltrack.deploy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a setting points: {@code account-service:9091}, {@code kafka:9092}, or the server of a
 * JDBC URL. {@code database} is the database of a JDBC URL and empty otherwise.
 */
record NetworkAddress(String host, int port, String database) {
    private static final Pattern HOST_PORT = Pattern.compile("(?:dns:///)?([A-Za-z0-9.-]+):(\\d{1,5})");
    private static final int POSTGRES_DEFAULT_PORT = 5432;

    /** {@code host:port} (gRPC targets may carry {@code dns:///}). */
    static Optional<NetworkAddress> parse(String text) {
        Matcher matcher = HOST_PORT.matcher(text.trim());
        return matcher.matches()
                ? Optional.of(new NetworkAddress(matcher.group(1), Integer.parseInt(matcher.group(2)), ""))
                : Optional.empty();
    }

    /** Each {@code host:port} of a comma-separated list such as Kafka bootstrap servers. */
    static List<Optional<NetworkAddress>> parseList(String text) {
        List<Optional<NetworkAddress>> addresses = new ArrayList<>();
        for (String part : text.split(",")) {
            addresses.add(parse(part));
        }
        return addresses;
    }

    /** {@code jdbc:postgresql://host[:port]/database[?...]}. */
    static Optional<NetworkAddress> parseJdbc(String url) {
        if (!url.startsWith("jdbc:postgresql://")) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url.substring("jdbc:".length()));
            String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            if (uri.getHost() == null || path.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new NetworkAddress(uri.getHost(), uri.getPort() < 0 ? POSTGRES_DEFAULT_PORT : uri.getPort(), path));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return host + ":" + port + (database.isEmpty() ? "" : "/" + database);
    }
}
