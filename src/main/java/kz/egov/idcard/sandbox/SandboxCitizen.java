package kz.egov.idcard.sandbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A test citizen: what the sandbox's mobile citizens database and ID document registry know.
 * Personas keep their card's expiry relative to today ({@link #cardExpiresInDays}) so that each
 * one stays on its path of the journey whatever the date.
 */
@Entity
@Table(name = "sandbox_citizen")
public class SandboxCitizen extends PanacheEntityBase {

    /** Kazakhstan's ID cards are valid for ten years. */
    static final int CARD_VALIDITY_YEARS = 10;

    @Id
    public String iin;
    public String phone;
    public String lastName;
    public String firstName;
    public String middleName;
    public LocalDate birthDate;
    public String cardNumber;
    public LocalDate cardIssuedOn;
    public LocalDate cardExpiresOn;
    public Integer cardExpiresInDays;
    public byte[] photo;
    public String photoContentType;
    public String regionCode;
    public String persona;
    public Integer personaOrder;
    public String purpose;
    public OffsetDateTime createdAt;

    public LocalDate expiresOn(Clock clock) {
        return cardExpiresInDays != null ? LocalDate.now(clock).plusDays(cardExpiresInDays) : cardExpiresOn;
    }

    public LocalDate issuedOn(Clock clock) {
        return cardIssuedOn != null ? cardIssuedOn : expiresOn(clock).minusYears(CARD_VALIDITY_YEARS);
    }
}
