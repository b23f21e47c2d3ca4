package io.kam.sellthrough.connector;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.kam.sellthrough.SellThroughProperties;

/**
 * Which hosts an HTTP connector may call (issue 17, server-side request forgery): those of the deployment's
 * {@code kam.sellthrough.connectors.allowed-hosts} (an exact host, or {@code *.suffix} for any host below it; none
 * when empty), and, once the host is resolved at pull time, only to public addresses: loopback, link-local,
 * site-local (private), unique-local IPv6, multicast and the any-local address are refused unless
 * {@code allow-private-addresses} is true (local development and tests, whose sources run on this machine).
 */
@Component
class SourceHosts {

    private final List<String> allowed;
    private final boolean privateAddresses;

    SourceHosts(SellThroughProperties properties) {
        this.allowed = properties.connectors().allowedHosts().stream().map(SourceHosts::normal)
                .filter(h -> !h.isEmpty()).toList();
        this.privateAddresses = properties.connectors().allowPrivateAddresses();
    }

    /** Why a URL's host may not be called, checked when a connector is configured; empty when it may. */
    Optional<String> refusal(URI url) {
        String host = normal(url.getHost());
        if (!allowed(host)) {
            return Optional.of(allowed.isEmpty() ? "this deployment allows no hosts for HTTP connectors"
                    + " (kam.sellthrough.connectors.allowed-hosts)" : "the host is not among the hosts this deployment allows");
        }
        if (literal(host)) {
            try {
                return refusal(InetAddress.getByName(host)).map(kind -> "is " + kind + ", which this deployment does not allow");
            } catch (UnknownHostException e) {
                return Optional.of("is not a valid address");
            }
        }
        return Optional.empty();
    }

    /**
     * The addresses the host stands for now, each of which must be allowed: a host on the list whose name resolves to
     * an internal address is refused as well.
     */
    void checkAtPull(URI url) throws PullFailure {
        String host = normal(url.getHost());
        if (!allowed(host)) {
            throw new PullFailure("the host " + host + " is no longer among the hosts this deployment allows");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new PullFailure("could not reach " + host + ": its name does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = refusal(address);
            if (kind.isPresent()) {
                throw new PullFailure("the host " + host + " resolves to " + kind.get() + ", which this deployment does not allow");
            }
        }
    }

    private boolean allowed(String host) {
        for (String pattern : allowed) {
            if (pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) && host.length() > pattern.length() - 1
                    : host.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    /** What kind of internal address this is, if it is one and they are not allowed. */
    private Optional<String> refusal(InetAddress address) {
        if (privateAddresses) {
            return Optional.empty();
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the any-local address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc) {
            return Optional.of("a unique-local address");
        }
        if (address instanceof Inet6Address v6 && mappedV4(v6.getAddress()).isPresent()) {
            return refusal(mappedV4(v6.getAddress()).get());
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-compatible IPv6 address ({@code ::a.b.c.d}); mapped ones Java reads as IPv4. */
    private static Optional<InetAddress> mappedV4(byte[] v6) {
        for (int i = 0; i < 12; i++) {
            if (v6[i] != 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(InetAddress.getByAddress(java.util.Arrays.copyOfRange(v6, 12, 16)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Whether the host is an IP address rather than a name (IPv6 in brackets, IPv4 in dotted form). */
    private static boolean literal(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+");
    }

    private static String normal(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
