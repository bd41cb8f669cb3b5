package kz.egov.idcard.common.web;

import io.quarkus.runtime.StartupEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.error.FieldError;
import kz.egov.idcard.common.error.ProblemFactory;
import kz.egov.idcard.common.error.Problem;

/**
 * Requests that no route takes, and failures the HTTP layer answers before our REST resources
 * (an over-long body, say), still get a problem document rather than Vert.x's plain text.
 */
@Singleton
public class UnknownRouteHandler {

    private final ProblemFactory problems;
    private final ObjectMapper json;

    public UnknownRouteHandler(ProblemFactory problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    void register(@Observes StartupEvent ignored, Router router) {
        router.route().last().handler(rc -> {
            if (!rc.response().ended()) {
                send(rc, ErrorCode.NOT_FOUND);
            }
        });
        router.route().last().failureHandler(rc -> {
            if (rc.response().ended() || rc.response().headWritten()) {
                return;
            }
            int status = rc.statusCode();
            ErrorCode code = switch (status) {
                case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
                case 404 -> ErrorCode.NOT_FOUND;
                case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
                case 400 -> ErrorCode.MALFORMED_JSON;
                default -> null;
            };
            if (code == null) {
                rc.next();
                return;
            }
            send(rc, code);
        });
    }

    void send(io.vertx.ext.web.RoutingContext rc, ErrorCode code) {
        send(rc, code, null);
    }

    /** The problem, with Retry-After (and its {@code retryAfterSeconds} member) when given. */
    void send(io.vertx.ext.web.RoutingContext rc, ErrorCode code, Long retryAfterSeconds) {
        var response = problems.response(code, new Object[0], List.<FieldError>of(),
                retryAfterSeconds == null ? null : java.util.Map.of("retryAfterSeconds", retryAfterSeconds), retryAfterSeconds,
                rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE), rc.request().path(), rc.request().getHeader(RequestIds.HEADER));
        Problem problem = (Problem) response.getEntity();
        var out = rc.response().setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemFactory.PROBLEM_JSON)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, response.getHeaderString(HttpHeaders.CONTENT_LANGUAGE));
        if (retryAfterSeconds != null) {
            out.putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        }
        try {
            out.end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            out.end();
        }
    }
}
