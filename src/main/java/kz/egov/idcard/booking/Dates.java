package kz.egov.idcard.booking;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import kz.egov.idcard.common.error.ValidationProblem;

/** A local date from a query parameter: absent or not a date is a 400 naming the parameter. */
final class Dates {

    private Dates() {
    }

    static LocalDate required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ValidationProblem.of(field, "REQUIRED");
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                throw ValidationProblem.of(field, "INVALID_DATE");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ValidationProblem.of(field, "INVALID_DATE");
        }
    }
}
