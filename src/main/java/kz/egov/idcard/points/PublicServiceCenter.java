package kz.egov.idcard.points;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A Public Service Center (ЦОН), where citizens are sent when the online route cannot serve them. */
@Entity
@Table(name = "public_service_center")
public class PublicServiceCenter extends Place {

    public String phone;
    public boolean active = true;
    /** Minutes of one reception slot for ID cards; null: the default of every centre (Reception). */
    public Integer slotMinutes;
    /** Citizens one slot takes; null: the default of every centre (Reception). */
    public Integer slotCapacity;
}
