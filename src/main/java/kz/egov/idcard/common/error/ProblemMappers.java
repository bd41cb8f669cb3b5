package kz.egov.idcard.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import kz.egov.idcard.common.web.RequestIds;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where every failure becomes an RFC 9457 problem; nothing leaks a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ProblemFactory problems;

    public ProblemMappers(ProblemFactory problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response domain(ApiException e, ContainerRequestContext request) {
        if (e.code().status() >= 500) {
            LOG.warnf("Answering %s: %s", e.code(), e.getCause() == null ? "" : e.getCause().toString());
        }
        List<FieldError> errors = null;
        if (e instanceof ValidationProblem validation) {
            String language = request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
            errors = validation.errors().stream().map(f -> problems.localise(language, f)).toList();
        }
        return respond(request, e.code(), e.args(), errors, e);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, ContainerRequestContext request) {
        String language = request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> fieldError(v, language))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::code))
                .distinct()
                .collect(Collectors.toCollection(ArrayList::new));
        return respond(request, ErrorCode.VALIDATION_FAILED, new Object[0], errors, null);
    }

    /** Declared for the subtype too, so that it wins over the REST layer's built-in mapper of it. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, ContainerRequestContext request) {
        return json(e, request);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, ContainerRequestContext request) {
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = jsonPath(mismatch.getPath());
            String language = request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
            FieldError error = new FieldError(field, "INVALID_TYPE", null);
            if (mismatch instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
                // "platform": "android" names IOS and ANDROID and shows what came.
                List<String> allowed = Arrays.stream(format.getTargetType().getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                error = new FieldError(field, "NOT_ONE_OF", null, FieldError.echo(format.getValue()), allowed);
            }
            List<FieldError> errors = List.of(problems.localise(language, error));
            return respond(request, ErrorCode.VALIDATION_FAILED, new Object[0], errors, null);
        }
        return respond(request, ErrorCode.MALFORMED_JSON, new Object[0], null, null);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, ContainerRequestContext request) {
        return respond(request, ErrorCode.UNAUTHORIZED, new Object[0], null, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(request, ErrorCode.FORBIDDEN, new Object[0], null, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, request);
        }
        ErrorCode code = switch (e.getResponse().getStatus()) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.TOO_MANY_REQUESTS;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> e.getResponse().getStatus() < 500 ? ErrorCode.VALIDATION_FAILED : ErrorCode.INTERNAL_ERROR;
        };
        if (code == ErrorCode.INTERNAL_ERROR) {
            LOG.error("Unexpected server error", e);
        }
        if (code == ErrorCode.METHOD_NOT_ALLOWED) {
            Response response = respond(request, code, new Object[0], null, null);
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            return allow == null ? response : Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
        }
        return respond(request, code, new Object[0], null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        if (DatabaseFailures.isConcurrentModification(e)) {
            return respond(request, ErrorCode.CONCURRENT_MODIFICATION, new Object[0], null, null);
        }
        if (DatabaseFailures.isRefusedValue(e)) {
            LOG.warnf("A value validation let through was refused by the database: %s", e.toString());
            return respond(request, ErrorCode.VALUE_NOT_ACCEPTED, new Object[0], null, null);
        }
        ErrorCode code = DatabaseFailures.isDatabaseDown(e) ? ErrorCode.DATABASE_UNAVAILABLE : ErrorCode.INTERNAL_ERROR;
        if (code == ErrorCode.DATABASE_UNAVAILABLE) {
            LOG.warnf("Database unavailable: %s", e.toString());
            ApiException retry = new ApiException(code).retryAfter(5);
            return respond(request, code, new Object[0], null, retry);
        }
        LOG.error("Unexpected server error", e);
        return respond(request, code, new Object[0], null, null);
    }

    private Response respond(ContainerRequestContext request, ErrorCode code, Object[] args, List<FieldError> errors,
            ApiException source) {
        return problems.response(code, args, errors,
                source == null ? null : source.extensions(),
                source == null ? null : source.retryAfterSeconds(),
                request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE),
                request.getUriInfo().getRequestUri().getRawPath(),
                request.getHeaderString(RequestIds.HEADER));
    }

    private FieldError fieldError(ConstraintViolation<?> violation, String language) {
        String template = violation.getMessageTemplate();
        String code;
        if (template.startsWith("{") && template.endsWith("}") && !template.contains(".")) {
            code = template.substring(1, template.length() - 1);
        } else {
            String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            code = switch (constraint) {
                case "NotNull", "NotBlank", "NotEmpty", "AssertTrue" -> "REQUIRED";
                case "Size" -> "INVALID_LENGTH";
                case "Pattern", "Email" -> "INVALID_FORMAT";
                case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero" -> "OUT_OF_RANGE";
                case "Past", "PastOrPresent", "Future", "FutureOrPresent" -> "INVALID_DATE";
                default -> constraint.toUpperCase(Locale.ROOT);
            };
            if (constraint.equals("AssertTrue")) {
                code = "MUST_BE_TRUE";
            }
        }
        // A phone that is not E.164 is shown as it arrived: a "+" sent in a query string unescaped comes as a space.
        String received = "INVALID_PHONE".equals(code) ? FieldError.echo(violation.getInvalidValue()) : null;
        return problems.localise(language, new FieldError(fieldName(violation.getPropertyPath()), code, null, received, null));
    }

    /** {@code requestOtp.body.phone} becomes {@code phone}; nested fields keep their dots. */
    private static String fieldName(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, RETURN_VALUE, CROSS_PARAMETER -> names.clear();
                case PARAMETER -> {
                    names.clear();
                    names.add(node.getName());
                }
                default -> names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            }
        }
        if (names.size() > 1 && names.get(0) != null && names.get(0).matches("body|request|arg\\d+")) {
            names.remove(0);
        }
        return names.stream().filter(n -> n != null && !n.isEmpty()).collect(Collectors.joining("."));
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
