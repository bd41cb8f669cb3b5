package kz.egov.idcard.application;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of an application's history: a status change or a completed step; who, when, from, to, why. */
@Entity
@Table(name = "application_event")
public class ApplicationEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID applicationId;
    public OffsetDateTime occurredAt;
    public String actor;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus fromStatus;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus toStatus;
    @Enumerated(EnumType.STRING)
    public Step step;
    public String reason;
}
