package org.agentworkspace.http.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void without_trusted_proxies_the_peer_is_the_client_whatever_the_header_says() {
        assertThat(TrustedProxies.none().clientAddress("192.0.2.10", List.of("203.0.113.5"))).isEqualTo("192.0.2.10");
    }

    @Test
    void behind_a_trusted_proxy_the_rightmost_untrusted_hop_is_the_client() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.0.2.1");

        // The client wrote the first entry itself; only what our proxies appended counts.
        assertThat(proxies.clientAddress("192.0.2.1", List.of("6.6.6.6, 203.0.113.5", "10.1.2.3")))
                .isEqualTo("203.0.113.5");
    }

    @Test
    void an_unreadable_hop_stops_the_walk_at_the_last_good_address() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.1");

        assertThat(proxies.clientAddress("10.0.0.1", List.of("evil.example, 10.0.0.1"))).isEqualTo("10.0.0.1");
        assertThat(proxies.clientAddress("10.0.0.1", List.of())).isEqualTo("10.0.0.1");
    }

    @Test
    void ipv6_ranges_and_bracketed_hops_are_understood() {
        TrustedProxies proxies = TrustedProxies.parse("fd00::/8");

        assertThat(proxies.clientAddress("fd12::1", List.of("[2001:db8::7]"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(proxies.clientAddress("2001:db8::9", List.of("203.0.113.5"))).isEqualTo("2001:db8:0:0:0:0:0:9");
    }

    @Test
    void names_and_bad_prefixes_are_refused_at_start() {
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.internal"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix");
    }

    @Test
    void a_prefix_matches_only_its_range() {
        TrustedProxies proxies = TrustedProxies.parse("172.16.0.0/12");

        assertThat(proxies.clientAddress("172.31.255.255", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(proxies.clientAddress("172.32.0.1", List.of("198.51.100.1"))).isEqualTo("172.32.0.1");
    }

    @Test
    void an_address_with_an_octet_over_255_is_refused_as_a_literal_never_looked_up() {
        assertThatThrownBy(() -> TrustedProxies.parse("999.1.1.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("999.1.1.1");
        assertThat(TrustedProxies.literal("999.1.1.1")).isEmpty();
        assertThat(TrustedProxies.literal("256.0.0.1")).isEmpty();
        assertThat(TrustedProxies.literal("10.0.0.255")).map(java.net.InetAddress::getHostAddress).contains("10.0.0.255");
        assertThat(TrustedProxies.literal("::ffff:zz")).isEmpty();
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.1");
        assertThat(proxies.clientAddress("10.0.0.1", List.of("999.1.1.1"))).isEqualTo("10.0.0.1");
    }
}
