package io.parceltrack.rest;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.parceltrack.domain.error.AccessDeniedException;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.ConflictException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.UnauthenticatedException;
import io.parceltrack.port.out.UnavailableException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where anything thrown while serving a request becomes an HTTP answer: domain
 * errors, refusals of the HTTP edge, Javalin's own 404/405, dependencies that are down, and our
 * own bugs. Only the last is logged as an error; its message never reaches the client.
 */
final class ProblemTranslator {
    static final String VOCABULARY_ATTRIBUTE = "parceltrack.vocabulary";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemTranslator.class);

    private final ApiJson json;
    private final String unavailableRetryAfterSeconds;

    ProblemTranslator(ApiJson json, Duration unavailableRetryAfter) {
        this.json = json;
        this.unavailableRetryAfterSeconds = Long.toString(Math.max(1, unavailableRetryAfter.toSeconds()));
    }

    /** Javalin's exception handler: answers {@code failure} as a problem. */
    void respond(Exception failure, Context ctx) {
        FieldVocabulary vocabulary = ctx.attribute(VOCABULARY_ATTRIBUTE);
        ProblemAnswer answer = translate(failure, vocabulary == null ? FieldVocabulary.NONE : vocabulary, ctx);
        write(ctx, answer.problem(), answer.headers());
    }

    /**
     * Javalin's handler for {@link Error}s (out of memory, stack overflow): only the raw servlet
     * response is at hand, but the client still gets a problem document.
     */
    void respondToError(HttpServletResponse response, Error error) {
        LOG.error("unexpected error while serving a request", error);
        try {
            response.setStatus(ProblemType.INTERNAL.status());
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter().write(json.write(Problem.of(ProblemType.INTERNAL, "something went wrong on our side",
                    null, List.of(), Map.of())));
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not answer after an error", e);
        }
    }

    /** Writes a problem document as the answer, with extra headers. */
    void write(Context ctx, Problem problem, Map<String, String> headers) {
        headers.forEach(ctx::header);
        ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(json.write(problem));
    }

    private ProblemAnswer translate(Throwable failure, FieldVocabulary vocabulary, Context ctx) {
        String instance = ctx.path();
        if (failure instanceof ApiProblem problem) {
            return new ProblemAnswer(
                    Problem.of(problem.type(), problem.detail(), instance, problem.errors(), Map.of()), problem.headers());
        }
        if (failure instanceof InvalidInputException invalid) {
            ApiProblem problem = ApiProblem.invalid(RequestErrors.translate(invalid, vocabulary));
            return answer(ProblemType.INVALID_INPUT, problem.detail(), instance, problem.errors(), Map.of());
        }
        if (failure instanceof UnauthenticatedException) {
            return answer(ProblemType.UNAUTHENTICATED, failure.getMessage(), instance, List.of(),
                    Map.of("WWW-Authenticate", ApiTokenAuthentication.CHALLENGE + ", error=\"invalid_token\""));
        }
        if (failure instanceof AccessDeniedException) {
            return answer(ProblemType.FORBIDDEN, failure.getMessage(), instance, List.of(), Map.of());
        }
        if (failure instanceof NotFoundException) {
            return answer(ProblemType.NOT_FOUND, failure.getMessage(), instance, List.of(), Map.of());
        }
        if (failure instanceof ConflictException || failure instanceof AlreadyExistsException) {
            return answer(ProblemType.CONFLICT, failure.getMessage(), instance, List.of(), Map.of());
        }
        if (failure instanceof UnavailableException) {
            LOG.warn("a dependency is unavailable: {}", failure.getMessage(), failure);
            return answer(ProblemType.UNAVAILABLE, failure.getMessage(), instance, List.of(),
                    Map.of("Retry-After", unavailableRetryAfterSeconds));
        }
        if (failure instanceof HttpResponseException javalin) {
            return fromJavalin(javalin, ctx);
        }
        String route = ctx.attribute(AccessLog.ROUTE_ATTRIBUTE);
        LOG.error("unexpected failure serving {} {} (request id {})",
                ctx.method().name(), route == null ? "(no route)" : route, CorrelationId.of(ctx), failure);
        return answer(ProblemType.INTERNAL,
                "something went wrong on our side; quote request id " + CorrelationId.of(ctx) + " when reporting it",
                instance, List.of(), Map.of());
    }

    /** Javalin's own refusals: no such route, wrong method, and the like. */
    private static ProblemAnswer fromJavalin(HttpResponseException javalin, Context ctx) {
        int status = javalin.getStatus();
        String path = EchoedText.of(ctx.path(), 200);
        return switch (status) {
            case 404 -> answer(ProblemType.NOT_FOUND, "there is no resource at " + path, ctx.path(), List.of(), Map.of());
            case 405 -> methodNotAllowed(javalin, ctx, path);
            default -> new ProblemAnswer(Problem.forStatus(status, "the request cannot be served as sent", ctx.path()),
                    Map.of());
        };
    }

    private static ProblemAnswer methodNotAllowed(HttpResponseException javalin, Context ctx, String path) {
        String allowed = javalin.getDetails().getOrDefault("availableMethods", "");
        return answer(ProblemType.METHOD_NOT_ALLOWED,
                ctx.method().name() + " is not allowed on " + path + "; allowed: " + allowed, ctx.path(), List.of(),
                allowed.isEmpty() ? Map.of() : Map.of("Allow", allowed));
    }

    private static ProblemAnswer answer(ProblemType type, String detail, String instance, List<FieldError> errors,
            Map<String, String> headers) {
        return new ProblemAnswer(Problem.of(type, detail, instance, errors, Map.of()), headers);
    }

    private record ProblemAnswer(Problem problem, Map<String, String> headers) {}
}
