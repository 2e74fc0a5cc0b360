package dev.jppc.machine;

import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * Where a live migration goes or comes from: {@code tcp:HOST:PORT} ({@code tcp:[::1]:PORT} for an IPv6 host,
 * {@code tcp::PORT} or {@code tcp:PORT} for the loopback address). A listener binds to the host given, so it
 * listens on loopback unless the address names another interface.
 */
public record MigrationAddress(String host, int port) {

    /** The host a listener binds to and a source connects to when the address names none. */
    public static final String LOOPBACK = "127.0.0.1";

    public MigrationAddress {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 0..65535");
        }
    }

    /** Parses {@code tcp:HOST:PORT}; a bad address is an {@link IllegalArgumentException} saying why. */
    public static MigrationAddress parse(final String text) {
        final String usage = "a migration address is tcp:HOST:PORT (e.g. tcp:127.0.0.1:4444), not '" + text + "'";
        if (!text.toLowerCase(Locale.ROOT).startsWith("tcp:")) {
            throw new IllegalArgumentException(usage);
        }
        final String rest = text.substring(4);
        final int colon = rest.lastIndexOf(':');
        String host = colon < 0 ? "" : rest.substring(0, colon);
        final String port = rest.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new MigrationAddress(host.isEmpty() ? LOOPBACK : host, Integer.parseInt(port));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(usage, e);
        }
    }

    /** The socket address. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return "tcp:" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
