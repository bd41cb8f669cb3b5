package kz.egov.idcard.citizen;

import java.time.LocalDate;

/** A person as the ID document registry returns them. */
public record PersonRecord(String iin, String lastName, String firstName, String middleName, LocalDate birthDate,
        IdCard idCard) {
}
