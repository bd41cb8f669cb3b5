package kz.egov.idcard.citizen;

import java.time.LocalDate;

/** A person as the ID document registry returns them; {@code regionCode} is where they are registered. */
public record PersonRecord(String iin, String lastName, String firstName, String middleName, LocalDate birthDate,
        IdCard idCard, String regionCode) {
}
