package io.parceltrack.rest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Javalin (an unparseable URI, headers over the size
 * limit, a broken request line) would be HTML pages. This makes them problem documents too, so a
 * client sees one error format whatever it sent.
 */
final class JettyProblemErrorHandler extends ErrorHandler {
    private final ApiJson json;

    JettyProblemErrorHandler(ApiJson json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        // The request may be one Jetty could not parse (it then names it "/badMessage"): no instance.
        byte[] body = problem(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Jetty's answer to a request line or headers it could not parse. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE));
        return ByteBuffer.wrap(problem(status));
    }

    private byte[] problem(int status) {
        Problem problem = Problem.forStatus(status, "the request could not be understood as sent", null);
        return json.write(problem).getBytes(StandardCharsets.UTF_8);
    }
}
