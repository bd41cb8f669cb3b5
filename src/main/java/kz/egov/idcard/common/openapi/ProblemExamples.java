package kz.egov.idcard.common.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import kz.egov.idcard.common.error.ErrorCode;

/**
 * Problem bodies for the contract's examples, made from a code the way the service makes them
 * (common/error/ProblemFactory), in English: the real title and detail, the code's status, the
 * operation's path as {@code instance}. Used at build time by the OpenAPI filters.
 */
final class ProblemExamples {

    static final String TYPE_BASE = "https://idcard.egov.kz/problems/";
    static final String REQUEST_ID = "3f2b8c1e-4d5a-4e6f-8a9b-0c1d2e3f4a5b";

    private final Properties messages = new Properties();

    ProblemExamples() {
        try (InputStream in = resource("i18n/messages_en.properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream resource(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            in = ProblemExamples.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new IllegalStateException("Resource " + name + " is missing");
        }
        return in;
    }

    /**
     * The problem as answered for the code: {@code args} fill the detail's placeholders, {@code errors}
     * are field errors ({@code field}, {@code code}, optionally {@code received} and {@code allowed}),
     * {@code extensions} the code's extension members.
     */
    Map<String, Object> problem(ErrorCode code, String instance, List<Object> args, List<Map<String, Object>> errors,
            Map<String, Object> extensions) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + code.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        problem.put("title", text("problem." + code.name() + ".title"));
        problem.put("status", code.status());
        String detail = text("problem." + code.name() + ".detail");
        problem.put("detail", args == null || args.isEmpty() ? detail : new MessageFormat(detail, Locale.ENGLISH).format(args.toArray()));
        problem.put("instance", instance);
        problem.put("code", code.name());
        problem.put("requestId", REQUEST_ID);
        if (errors != null && !errors.isEmpty()) {
            List<Map<String, Object>> rendered = new ArrayList<>();
            for (Map<String, Object> error : errors) {
                rendered.add(fieldError(error));
            }
            problem.put("errors", rendered);
        }
        if (extensions != null) {
            problem.putAll(extensions);
        }
        return problem;
    }

    /** As ProblemFactory.localise words it: the field's message, the allowed values, what was received. */
    private Map<String, Object> fieldError(Map<String, Object> error) {
        String code = String.valueOf(error.get("code"));
        @SuppressWarnings("unchecked")
        List<String> allowed = (List<String>) error.get("allowed");
        String message = allowed == null ? text("field." + code)
                : new MessageFormat(text("field." + code), Locale.ENGLISH).format(new Object[] {String.join(", ", allowed)});
        Object received = error.get("received");
        if (received != null) {
            message = message + " " + new MessageFormat(text("field.RECEIVED"), Locale.ENGLISH).format(new Object[] {received});
        }
        Map<String, Object> rendered = new LinkedHashMap<>();
        rendered.put("field", error.get("field"));
        rendered.put("code", code);
        rendered.put("message", message);
        if (received != null) {
            rendered.put("received", received);
        }
        if (allowed != null) {
            rendered.put("allowed", allowed);
        }
        return rendered;
    }

    private String text(String key) {
        String text = messages.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("No English message " + key + " for an example");
        }
        return text;
    }
}
