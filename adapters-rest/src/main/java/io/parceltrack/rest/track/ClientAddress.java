package io.parceltrack.rest.track;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who a request counts against for the rate limit. Behind {@code trustedProxies} proxies that each
 * append to {@code X-Forwarded-For}, the client is the entry the outermost trusted proxy wrote;
 * entries further left were written by the client itself and could be anything. An IPv6 client
 * counts by its /64 network, since one subscriber usually holds a whole /64.
 */
public final class ClientAddress {
    public static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final int trustedProxies;

    public ClientAddress(int trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /**
     * @param socketAddress the peer of the connection
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order
     */
    public String of(String socketAddress, List<String> forwardedFor) {
        if (trustedProxies == 0) {
            return key(socketAddress);
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> Arrays.stream(header.split(",")).map(String::strip)
                .filter(hop -> !hop.isEmpty()).forEach(hops::add));
        // Fewer entries than proxies: the request did not come through them all; count it by its peer.
        return hops.size() < trustedProxies ? key(socketAddress) : key(hops.get(hops.size() - trustedProxies));
    }

    /** The address as a rate-limit key: IPv4 as is, IPv6 by its first 64 bits, anything else verbatim (bounded). */
    static String key(String address) {
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (IPV4.matcher(bare).matches() || !bare.contains(":") || !IPV6.matcher(bare).matches()) {
            return bare.length() > 64 ? bare.substring(0, 64) : bare;
        }
        try {
            // Only a literal reaches here (the pattern allows no host name), so there is no DNS lookup.
            byte[] bytes = InetAddress.getByName(bare).getAddress();
            if (bytes.length != 16) {
                return bare;
            }
            StringBuilder network = new StringBuilder(24);
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return bare;
        }
    }
}
