package kz.egov.idcard.common.web;

import kz.egov.idcard.common.error.ValidationProblem;

/** A year in a path, as reference data is published per year: 2000 to 2100, else a 400 naming the field. */
public final class Years {

    private Years() {
    }

    public static int parse(String field, String year) {
        try {
            int parsed = Integer.parseInt(year);
            if (parsed >= 2000 && parsed <= 2100) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw ValidationProblem.of(field, "INVALID_YEAR");
    }
}
