package io.parceltrack.domain.webhook;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a manager's endpoint receives webhooks: an absolute {@code https://} URL (plain
 * {@code http://} only where the rules allow it) without credentials or fragment. A host written as
 * an IP address, or named {@code localhost}, is judged here; every other name is judged after DNS
 * resolution, at each send, since what it resolves to may change.
 */
public record WebhookUrl(URI value) {
    public static final String FIELD = "url";
    public static final int MAX_LENGTH = 2048;
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");

    public WebhookUrl {
        Objects.requireNonNull(value, "value");
    }

    public static WebhookUrl parse(String text, DestinationRules rules) {
        if (text == null || text.isBlank()) {
            throw invalid(Kind.REQUIRED, "is required");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw invalid(Kind.TOO_LONG, "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid(Kind.MALFORMED, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && rules.allowPlainHttp())) {
            throw invalid(Kind.MALFORMED, rules.allowPlainHttp()
                    ? "must be an absolute http:// or https:// URL"
                    : "must be an absolute https:// URL");
        }
        if (uri.getHost() == null || uri.getRawAuthority() == null) {
            throw invalid(Kind.MALFORMED, "must name a host, like https://hooks.example.com/parceltrack");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(Kind.MALFORMED, "must not contain a user name or password; use the signing secret instead");
        }
        if (uri.getRawFragment() != null) {
            throw invalid(Kind.MALFORMED, "must not have a #fragment");
        }
        literalAddress(uri.getHost()).flatMap(rules::refusal)
                .ifPresent(reason -> {
                    throw invalid(Kind.OUT_OF_RANGE, "points at " + reason);
                });
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!rules.allowPrivateAddresses() && (host.equals("localhost") || host.endsWith(".localhost"))) {
            throw invalid(Kind.OUT_OF_RANGE, "points at this machine; webhooks go to public addresses only");
        }
        return new WebhookUrl(uri);
    }

    public String host() {
        return value.getHost();
    }

    /** The port to connect to: the URL's, else the scheme's default. */
    public int port() {
        if (value.getPort() >= 0) {
            return value.getPort();
        }
        return isHttps() ? 443 : 80;
    }

    public boolean isHttps() {
        return value.getScheme().equalsIgnoreCase("https");
    }

    /**
     * The address a host written as an IP literal stands for. Dotted quads are read here, byte by
     * byte, because {@link InetAddress#getByName} would fall back to a DNS lookup for a malformed
     * one; bracketed IPv6 literals were already checked by {@link URI}, so reading them looks nothing up.
     */
    static Optional<InetAddress> literalAddress(String host) {
        try {
            if (host.startsWith("[")) {
                return Optional.of(InetAddress.getByName(host.substring(1, host.length() - 1)));
            }
            if (!IPV4_LITERAL.matcher(host).matches()) {
                return Optional.empty();
            }
            String[] parts = host.split("\\.", -1);
            byte[] bytes = new byte[4];
            if (parts.length != 4) {
                throw invalid(Kind.MALFORMED, "has a malformed IP address");
            }
            for (int i = 0; i < 4; i++) {
                if (parts[i].isEmpty() || parts[i].length() > 3 || Integer.parseInt(parts[i]) > 255) {
                    throw invalid(Kind.MALFORMED, "has a malformed IP address");
                }
                bytes[i] = (byte) Integer.parseInt(parts[i]);
            }
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw invalid(Kind.MALFORMED, "has a malformed IP address");
        }
    }

    private static InvalidInputException invalid(Kind kind, String message) {
        return InvalidInputException.of(FIELD, kind, message);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
