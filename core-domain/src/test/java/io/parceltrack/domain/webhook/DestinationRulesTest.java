package io.parceltrack.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationRulesTest {
    private static final DestinationRules STRICT = DestinationRules.strict();
    private static final DestinationRules LOCAL_TRIALS = new DestinationRules(true, true);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
            "::ffff:10.0.0.1", "::ffff:127.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1", "::a00:1"})
    void refusesInternalAddressesIncludingIpv4HiddenInIpv6(String address) throws Exception {
        assertThat(STRICT.refusal(InetAddress.getByName(address))).isPresent();
        assertThat(LOCAL_TRIALS.refusal(InetAddress.getByName(address))).as("allowed for local trials").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2606:4700::1111",
            "::ffff:8.8.8.8", "2002:808:808::1"})
    void allowsPublicAddresses(String address) throws Exception {
        assertThat(STRICT.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"224.0.0.1", "255.255.255.255", "240.0.0.1", "ff02::1"})
    void refusesMulticastAndReservedAddressesEvenForLocalTrials(String address) throws Exception {
        assertThat(LOCAL_TRIALS.refusal(InetAddress.getByName(address))).isPresent();
    }
}
