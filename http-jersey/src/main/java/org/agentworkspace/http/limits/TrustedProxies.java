package org.agentworkspace.http.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides the client address a failed authentication is charged to. The socket's peer is the
 * client unless the peer is a proxy listed in {@code AW_TRUSTED_PROXIES}; only then is
 * {@code X-Forwarded-For} read, right to left, skipping trusted hops, so a client cannot choose
 * its own address by sending the header itself.
 */
public final class TrustedProxies {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * Parses a comma-separated list of addresses and CIDR ranges ({@code 10.0.0.0/8, ::1}).
     *
     * @throws IllegalArgumentException naming the first entry that is not an address literal or range
     */
    public static TrustedProxies parse(String spec) {
        List<Range> ranges = new ArrayList<>();
        if (spec != null) {
            for (String raw : spec.split(",")) {
                String entry = raw.trim();
                if (!entry.isEmpty()) {
                    ranges.add(Range.parse(entry));
                }
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * The client's address.
     *
     * @param peer the socket's remote address as text
     * @param forwardedFor every {@code X-Forwarded-For} field value, in order; may be empty
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        Optional<InetAddress> peerAddress = literal(peer);
        if (peerAddress.isEmpty()) {
            return peer == null ? "unknown" : peer;
        }
        InetAddress client = peerAddress.get();
        if (!trusts(client) || forwardedFor == null || forwardedFor.isEmpty()) {
            return client.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                hops.add(hop.trim());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                // A hop we cannot read was written by someone we do not trust: stop at the last good one.
                break;
            }
            client = hop.get();
            if (!trusts(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    boolean trusts(InetAddress address) {
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An address literal, never a name: resolving a header's text through DNS would be an attack surface. */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.startsWith("[") && t.contains("]")) {
            t = t.substring(1, t.indexOf(']'));
        }
        var withPort = IPV4_WITH_PORT.matcher(t);
        if (withPort.matches()) {
            t = withPort.group(1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        boolean ipv4 = IPV4.matcher(t).matches();
        boolean ipv6 = t.contains(":") && IPV6.matcher(t).matches();
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            // Never getByName on bare text: "999.1.1.1" is not a literal to the JDK, so it asked DNS.
            return ipv4 ? ipv4Literal(t) : Optional.of(InetAddress.getByName("[" + t + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Four decimal octets of at most 255, built into an address without any lookup. */
    private static Optional<InetAddress> ipv4Literal(String text) throws UnknownHostException {
        String[] parts = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) octet;
        }
        return Optional.of(InetAddress.getByAddress(bytes));
    }

    private record Range(byte[] network, int prefixBits) {
        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress parsed = literal(address).orElseThrow(() -> new IllegalArgumentException(
                    "'" + entry + "' is not an IP address or CIDR range"));
            byte[] bytes = parsed.getAddress();
            int bits = bytes.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + entry + "' has no valid prefix length");
                }
                if (bits < 0 || bits > bytes.length * 8) {
                    throw new IllegalArgumentException("'" + entry + "' has a prefix length out of range");
                }
            }
            return new Range(bytes, bits);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
