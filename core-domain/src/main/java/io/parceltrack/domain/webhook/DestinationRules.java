package io.parceltrack.domain.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Where webhooks may go (SSRF policy). Managers choose the URLs, so without these rules they could
 * make our servers call into our own network: the database, the cloud's metadata service, an admin
 * port on loopback. Plain {@code http://} and internal destinations are for local trials only, each
 * behind its own switch. Addresses are judged after DNS resolution, by their bytes, so a public name
 * pointing at {@code 10.0.0.1} and IPv4 addresses hidden inside IPv6 ones are caught too.
 */
public record DestinationRules(boolean allowPlainHttp, boolean allowPrivateAddresses) {

    /** Production rules: https only, public addresses only. */
    public static DestinationRules strict() {
        return new DestinationRules(false, false);
    }

    /** Why {@code address} may not be called, or empty if it may. */
    public Optional<String> refusal(InetAddress address) {
        AddressClass kind = classify(address);
        return switch (kind) {
            case PUBLIC -> Optional.empty();
            case NEVER -> Optional.of(address.getHostAddress() + " is " + kind.description);
            default -> allowPrivateAddresses
                    ? Optional.empty()
                    : Optional.of(address.getHostAddress() + " is " + kind.description
                            + "; webhooks go to public addresses only");
        };
    }

    private enum AddressClass {
        PUBLIC("a public address"),
        LOOPBACK("a loopback address"),
        PRIVATE("a private network address"),
        LINK_LOCAL("a link-local address (where cloud metadata services live)"),
        UNSPECIFIED("the unspecified address"),
        NEVER("a multicast, broadcast or reserved address, which no webhook can use");

        private final String description;

        AddressClass(String description) {
            this.description = description;
        }
    }

    private static AddressClass classify(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return classifyV4(bytes, 0);
        }
        if (address instanceof Inet6Address) {
            return classifyV6(bytes);
        }
        return AddressClass.NEVER;
    }

    private static AddressClass classifyV4(byte[] bytes, int at) {
        int a = bytes[at] & 0xFF;
        int b = bytes[at + 1] & 0xFF;
        int c = bytes[at + 2] & 0xFF;
        if (a == 0) {
            return AddressClass.UNSPECIFIED;
        }
        if (a == 127) {
            return AddressClass.LOOPBACK;
        }
        if (a == 169 && b == 254) {
            return AddressClass.LINK_LOCAL;
        }
        if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
                || (a == 100 && b >= 64 && b <= 127) // carrier-grade NAT, shared address space
                || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
                || (a == 198 && (b == 18 || b == 19))) { // benchmarking networks
            return AddressClass.PRIVATE;
        }
        if (a >= 224) {
            return AddressClass.NEVER;
        }
        return AddressClass.PUBLIC;
    }

    private static AddressClass classifyV6(byte[] bytes) {
        if (isZero(bytes, 0, 16)) {
            return AddressClass.UNSPECIFIED;
        }
        if (isZero(bytes, 0, 15) && bytes[15] == 1) {
            return AddressClass.LOOPBACK;
        }
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        if (first == 0xFF) {
            return AddressClass.NEVER;
        }
        if (first == 0xFE && (second & 0xC0) == 0x80) {
            return AddressClass.LINK_LOCAL;
        }
        if (first == 0xFE && (second & 0xC0) == 0xC0) {
            return AddressClass.PRIVATE; // site-local, deprecated but still routable inside a site
        }
        if ((first & 0xFE) == 0xFC) {
            return AddressClass.PRIVATE; // unique local fc00::/7
        }
        // IPv4 carried inside IPv6: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64
        // (64:ff9b::a.b.c.d) and 6to4 (2002:a.b.c.d::) all reach the IPv4 address they carry.
        if (isZero(bytes, 0, 10) && (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF) {
            return classifyV4(bytes, 12);
        }
        if (isZero(bytes, 0, 12)) {
            return classifyV4(bytes, 12);
        }
        if (first == 0x00 && second == 0x64 && (bytes[2] & 0xFF) == 0xFF && (bytes[3] & 0xFF) == 0x9B
                && isZero(bytes, 4, 12)) {
            return classifyV4(bytes, 12);
        }
        if (first == 0x20 && second == 0x02) {
            return classifyV4(bytes, 2);
        }
        return AddressClass.PUBLIC;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
