package kz.egov.idcard.common.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.error.FieldError;
import kz.egov.idcard.common.error.ProblemFactory;
import kz.egov.idcard.common.i18n.Messages;

/**
 * Problem bodies for the contract's examples, made by the service's own {@link ProblemFactory}
 * from a code, in English: the real title and detail, the code's status, the operation's path as
 * {@code instance}, field errors worded as the service words them. Used at build time by the
 * OpenAPI filters.
 */
final class ProblemExamples {

    static final String REQUEST_ID = "3f2b8c1e-4d5a-4e6f-8a9b-0c1d2e3f4a5b";

    private final ProblemFactory problems = new ProblemFactory(new Messages());
    private final ObjectMapper json = new ObjectMapper();

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
    @SuppressWarnings("unchecked")
    Map<String, Object> problem(ErrorCode code, String instance, List<Object> args, List<Map<String, Object>> errors,
            Map<String, Object> extensions) {
        List<FieldError> fields = new ArrayList<>();
        if (errors != null) {
            for (Map<String, Object> error : errors) {
                fields.add(problems.localise("en", new FieldError(String.valueOf(error.get("field")), String.valueOf(error.get("code")),
                        null, (String) error.get("received"), (List<String>) error.get("allowed"))));
            }
        }
        Object[] arguments = args == null ? new Object[0] : args.toArray();
        return json.convertValue(problems.problem(code, arguments, fields, extensions, Messages.ENGLISH, instance, REQUEST_ID),
                Map.class);
    }
}
