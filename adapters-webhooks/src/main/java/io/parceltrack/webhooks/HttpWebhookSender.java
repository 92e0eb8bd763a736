package io.parceltrack.webhooks;

import io.parceltrack.domain.webhook.SendOutcome;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookMessage;
import io.parceltrack.port.out.webhook.WebhookSender;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Posts webhooks over HTTP(S) with Jetty's client: signed per Standard Webhooks, to addresses
 * checked after resolution ({@link CheckedAddressResolver}), never following redirects (a redirect
 * could point anywhere), within connect/read/total time-outs, reading at most a few KiB of any
 * answer. Secrets go only into the signature; nothing here logs or reports them.
 */
public final class HttpWebhookSender implements WebhookSender, AutoCloseable {
    static final String USER_AGENT = "ParcelTrack-Webhooks/1";
    private static final int MAX_ERROR_BODY_CHARS = 200;

    private final WebhookSenderSettings settings;
    private final ExecutorService lookups;
    private final HttpClient client;

    public HttpWebhookSender(WebhookSenderSettings settings) {
        this.settings = settings;
        AtomicInteger next = new AtomicInteger(1);
        this.lookups = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "webhook-dns-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(new SslContextFactory.Client());
        connector.setConnectTimeout(settings.connectTimeout());
        connector.setIdleTimeout(settings.readTimeout());
        this.client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setFollowRedirects(false);
        client.setSocketAddressResolver(new CheckedAddressResolver(settings.rules(), lookups));
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, USER_AGENT));
        client.setIdleTimeout(settings.readTimeout().toMillis());
        client.setConnectTimeout(settings.connectTimeout().toMillis());
    }

    public HttpWebhookSender start() {
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the webhook HTTP client did not start", e);
        }
        return this;
    }

    @Override
    public SendOutcome send(WebhookEndpoint endpoint, WebhookMessage message, Instant now) {
        if (!endpoint.url().isHttps() && !settings.rules().allowPlainHttp()) {
            return SendOutcome.refused("plain http:// is not allowed; use https://");
        }
        String timestamp = Long.toString(now.getEpochSecond());
        Request request = client.newRequest(endpoint.url().value())
                .method(HttpMethod.POST)
                .headers(headers -> headers
                        .put("webhook-id", message.id().value())
                        .put("webhook-timestamp", timestamp)
                        .put("webhook-signature", WebhookSignature.header(endpoint.signingSecrets(now), message.id().value(),
                                timestamp, message.body())))
                .body(new StringRequestContent("application/json", message.body(), StandardCharsets.UTF_8))
                .idleTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .timeout(settings.totalTimeout().toMillis(), TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        CappedResponse response = new CappedResponse(settings.maxResponseBytes());
        request.send(response);
        try {
            CappedResponse.Answer answer = response.answer().get(settings.totalTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            return answer.status() > 0
                    ? SendOutcome.answered(answer.status(), latency, printable(answer.body()))
                    : failed(answer.failure(), latency);
        } catch (TimeoutException e) {
            request.abort(e);
            return SendOutcome.unanswered(Duration.ofNanos(System.nanoTime() - started),
                    "no answer within " + settings.totalTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            return SendOutcome.unanswered(Duration.ofNanos(System.nanoTime() - started), "interrupted while sending");
        } catch (ExecutionException e) {
            return failed(e.getCause(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** What went wrong before any answer came, in words for the manager: no stack traces, no internals. */
    private SendOutcome failed(Throwable failure, Duration latency) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DestinationRefusedException refused) {
                return SendOutcome.refused(refused.getMessage());
            }
            if (cause instanceof UnknownHostException unknown) {
                return SendOutcome.unanswered(latency, unknown.getMessage());
            }
            if (cause instanceof TimeoutException || cause instanceof java.net.SocketTimeoutException) {
                return SendOutcome.unanswered(latency, "timed out after " + latency.toMillis() + " ms");
            }
            if (cause instanceof ConnectException) {
                return SendOutcome.unanswered(latency, "could not connect: " + cause.getMessage());
            }
            if (cause instanceof SSLException) {
                return SendOutcome.unanswered(latency, "TLS failed: " + cause.getMessage());
            }
        }
        return SendOutcome.unanswered(latency, "the connection failed: " + (failure == null ? "unknown" : failure.getClass().getSimpleName()));
    }

    /** The start of a receiver's answer, made safe to show: printable characters only, shortened. */
    static String printable(String body) {
        String flat = body.replaceAll("[\\p{Cntrl}\\p{Cf}]+", " ").strip();
        return flat.length() > MAX_ERROR_BODY_CHARS ? flat.substring(0, MAX_ERROR_BODY_CHARS) + "…" : flat;
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // stopping is best effort; the threads are daemons
        }
        lookups.shutdownNow();
    }
}
