package org.agentworkspace.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.agentworkspace.core.port.out.WebhookTargets;

/**
 * Refuses webhook targets that would let an agent reach the server's own network (SSRF): the host
 * must resolve, and every address it resolves to must be public. Asked at creation and again
 * before every send, since a name may resolve elsewhere later (DNS rebinding). With
 * {@code allowPrivate} (AW_WEBHOOK_ALLOW_PRIVATE=true, for local development and tests) any
 * resolvable host passes and {@code http://} is accepted.
 */
public final class AddressGuard implements WebhookTargets {
    private final boolean allowPrivate;
    private final Resolver resolver;

    /** Name resolution, replaceable in tests; the default asks the JVM's resolver. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public AddressGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public AddressGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    @Override
    public boolean allowsPrivate() {
        return allowPrivate;
    }

    @Override
    public Optional<String> refusal(URI url) {
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("url must name a host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("url's host does not resolve");
        }
        if (addresses.length == 0) {
            return Optional.of("url's host does not resolve");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("url must not point at a loopback, private, link-local or metadata address");
            }
        }
        return Optional.empty();
    }

    /** False for every range a server's own network or cloud metadata lives in. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible forms name an IPv4 address.
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                byte[] v4 = {b[12], b[13], b[14], b[15]};
                try {
                    return isPublic(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            int first = b[0] & 0xff;
            // fc00::/7 unique local (fd00:ec2::254 is AWS's metadata service), fec0::/10 old site-local.
            if ((first & 0xfe) == 0xfc || (first == 0xfe && (b[1] & 0xc0) == 0xc0)) {
                return false;
            }
            // 64:ff9b::/96 NAT64 embeds an IPv4 address; 2001:db8::/32 is documentation.
            if (first == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return false;
            }
            return !(first == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8);
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(a == 0                                     // "this network"
                || a == 10 || a == 127                       // private, loopback
                || (a == 100 && second >= 64 && second < 128) // carrier-grade NAT
                || (a == 169 && second == 254)               // link-local, cloud metadata (169.254.169.254)
                || (a == 172 && second >= 16 && second < 32)
                || (a == 192 && second == 168)
                || (a == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (a == 198 && (second == 18 || second == 19))     // benchmarking
                || a >= 224);                                 // multicast, reserved, broadcast
    }
}
