package io.parceltrack.webhooks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;

/**
 * Listens to one answer: its status as soon as the headers arrive, and at most {@code maxBytes}
 * of its body. Past that the exchange is aborted, which is fine: the status is already known and
 * the rest would only be thrown away.
 */
final class CappedResponse implements Response.Listener {
    record Answer(int status, String body, Throwable failure) {}

    private static final class BodyCapReached extends Exception {
        BodyCapReached() {
            super("response body cap reached", null, false, false);
        }
    }

    private final int maxBytes;
    private final byte[] body;
    private final CompletableFuture<Answer> answer = new CompletableFuture<>();
    private volatile int status;
    private int length;

    CappedResponse(int maxBytes) {
        this.maxBytes = maxBytes;
        this.body = new byte[maxBytes];
    }

    CompletableFuture<Answer> answer() {
        return answer;
    }

    @Override
    public void onHeaders(Response response) {
        status = response.getStatus();
    }

    @Override
    public void onContent(Response response, ByteBuffer content) {
        int take = Math.min(content.remaining(), maxBytes - length);
        content.get(body, length, take);
        length += take;
        if (content.hasRemaining()) {
            response.abort(new BodyCapReached());
        }
    }

    @Override
    public void onComplete(Result result) {
        String text = new String(body, 0, length, StandardCharsets.UTF_8);
        answer.complete(new Answer(status, text, result.isFailed() ? result.getFailure() : null));
    }
}
