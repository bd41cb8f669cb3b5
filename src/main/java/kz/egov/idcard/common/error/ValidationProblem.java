package kz.egov.idcard.common.error;

import java.util.List;

/** A validation refusal found by a service rather than by bean validation; messages are localised when answered. */
public class ValidationProblem extends ApiException {

    private final List<FieldError> errors;

    public ValidationProblem(List<FieldError> errors) {
        super(ErrorCode.VALIDATION_FAILED);
        this.errors = List.copyOf(errors);
    }

    public static ValidationProblem of(String field, String code) {
        return new ValidationProblem(List.of(new FieldError(field, code, null)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
