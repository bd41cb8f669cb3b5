package kz.egov.idcard.common.error;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.egov.idcard.common.i18n.Messages;

/** Turns a code and its arguments into a localised {@code application/problem+json} response. */
@Singleton
public class ProblemFactory {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_BASE = "https://idcard.egov.kz/problems/";

    private final Messages messages;

    public ProblemFactory(Messages messages) {
        this.messages = messages;
    }

    public Response response(ErrorCode code, Object[] args, List<FieldError> errors, Map<String, Object> extensions,
            Long retryAfterSeconds, String acceptLanguage, String path, String requestId) {
        Locale locale = messages.resolve(acceptLanguage);
        Problem problem = problem(code, args, errors, extensions, locale, path, requestId);
        Response.ResponseBuilder builder = Response.status(code.status())
                .type(PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .entity(problem);
        if (retryAfterSeconds != null) {
            builder.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        if (code.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    /** The problem body for the code in the language given; the contract's examples are made with it too. */
    public Problem problem(ErrorCode code, Object[] args, List<FieldError> errors, Map<String, Object> extensions, Locale locale,
            String path, String requestId) {
        return new Problem(
                TYPE_BASE + code.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                messages.get(locale, "problem." + code.name() + ".title"),
                code.status(),
                messages.get(locale, "problem." + code.name() + ".detail", args),
                path,
                code.name(),
                requestId,
                errors == null || errors.isEmpty() ? null : errors,
                extensions == null || extensions.isEmpty() ? null : extensions);
    }

    public String fieldMessage(String acceptLanguage, String code) {
        return messages.get(messages.resolve(acceptLanguage), "field." + code);
    }

    /**
     * The field error with its localised message, which names what was allowed and repeats what
     * was received when the error carries them.
     */
    public FieldError localise(String acceptLanguage, FieldError error) {
        Locale locale = messages.resolve(acceptLanguage);
        String message = error.allowed() == null
                ? messages.get(locale, "field." + error.code())
                : messages.get(locale, "field." + error.code(), String.join(", ", error.allowed()));
        if (error.received() != null) {
            message = message + " " + messages.get(locale, "field.RECEIVED", error.received());
        }
        return error.localised(message);
    }
}
