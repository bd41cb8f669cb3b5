package kz.egov.idcard.points;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Public Service Center (ЦОН), where citizens are sent when the online route cannot serve them. */
@Entity
@Table(name = "public_service_center")
public class PublicServiceCenter extends PanacheEntityBase {

    @Id
    public String id;
    public String regionCode;
    public String cityKk;
    public String cityRu;
    public String cityEn;
    public String nameKk;
    public String nameRu;
    public String nameEn;
    public String addressKk;
    public String addressRu;
    public String addressEn;
    public String hours;
    public String phone;
}
