package kz.egov.idcard.booking;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A citizen's visit to a Public Service Center, booked online (docs/product.md, Public Service Center visits). */
@Entity
@Table(name = "tson_booking")
public class Booking extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Short and said aloud at the centre. */
    public String number;
    public String tsonId;
    public OffsetDateTime slotStart;
    public OffsetDateTime slotEnd;
    public String citizenIin;
    /** The citizen's name as the ID document registry gave it when booking, for the centre's list. */
    public String citizenName;
    /** The phone the citizen logged in with: the confirmation and the reminder go there. */
    public String phone;
    public String language;
    public UUID applicationId;
    @Enumerated(EnumType.STRING)
    public BookingStatus status;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
    /** When the citizen was reminded of the visit the day before. */
    public OffsetDateTime remindedAt;
    /** The centre's operator who marked the visit SERVED or NO_SHOW. */
    public String markedBy;
    @Version
    public int version;
}
