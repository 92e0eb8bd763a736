package io.parceltrack.rest.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    @Test
    void withoutTrustedProxiesTheSocketPeerIsTheClientWhateverTheHeaderSays() {
        assertThat(new ClientAddress(0).of("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindOneProxyTheClientIsTheEntryItAppended() {
        ClientAddress behindIngress = new ClientAddress(1);

        assertThat(behindIngress.of("10.0.0.2", List.of("6.6.6.6, 203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(behindIngress.of("10.0.0.2", List.of("6.6.6.6", "203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindTwoProxiesTheClientIsTheSecondEntryFromTheRight() {
        assertThat(new ClientAddress(2).of("10.0.0.2", List.of("1.1.1.1, 203.0.113.7, 10.0.0.9"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aRequestThatBypassedTheProxiesCountsByItsPeer() {
        assertThat(new ClientAddress(2).of("192.0.2.5", List.of("203.0.113.7"))).isEqualTo("192.0.2.5");
        assertThat(new ClientAddress(1).of("192.0.2.5", List.of())).isEqualTo("192.0.2.5");
    }

    @Test
    void ipv6ClientsCountByTheirSlash64() {
        assertThat(ClientAddress.key("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddress.key("[2001:db8:1:2:ffff:1:2:3]"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.key("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.key("2001:db8:1:2::1"));
    }

    @Test
    void anythingElseIsKeptAsIsButBounded() {
        assertThat(ClientAddress.key("unknown")).isEqualTo("unknown");
        assertThat(ClientAddress.key("x".repeat(500))).hasSize(64);
    }
}
