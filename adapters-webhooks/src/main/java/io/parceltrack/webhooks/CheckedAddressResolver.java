package io.parceltrack.webhooks;

import io.parceltrack.domain.webhook.DestinationRules;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Resolves a receiver's host name once and hands the HTTP client only the addresses the rules
 * allow, as resolved addresses: the client connects to exactly what was checked and never looks the
 * name up again, so DNS cannot answer "public" to the check and "private" to the connection. The
 * host name itself still serves TLS (SNI, certificate check). Lookups block, so they run on
 * {@code executor}.
 */
final class CheckedAddressResolver implements SocketAddressResolver {
    private final DestinationRules rules;
    private final Executor executor;

    CheckedAddressResolver(DestinationRules rules, Executor executor) {
        this.rules = rules;
        this.executor = executor;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        executor.execute(() -> {
            try {
                promise.succeeded(allowed(InetAddress.getAllByName(host), port));
            } catch (UnknownHostException e) {
                promise.failed(new UnknownHostException("host " + host + " not found"));
            } catch (DestinationRefusedException e) {
                promise.failed(e);
            } catch (RuntimeException e) {
                promise.failed(e);
            }
        });
    }

    /** The allowed ones of {@code resolved}; refused if none is. */
    List<InetSocketAddress> allowed(InetAddress[] resolved, int port) throws DestinationRefusedException {
        List<InetSocketAddress> allowed = new ArrayList<>();
        Optional<String> firstRefusal = Optional.empty();
        for (InetAddress address : resolved) {
            Optional<String> refusal = rules.refusal(address);
            if (refusal.isEmpty()) {
                allowed.add(new InetSocketAddress(address, port));
            } else if (firstRefusal.isEmpty()) {
                firstRefusal = refusal;
            }
        }
        if (allowed.isEmpty()) {
            throw new DestinationRefusedException(firstRefusal.orElse("the host has no address"));
        }
        return List.copyOf(allowed);
    }
}
