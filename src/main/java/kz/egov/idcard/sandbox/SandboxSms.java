package kz.egov.idcard.sandbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A message the sandbox SMS gateway "sent". */
@Entity
@Table(name = "sandbox_sms")
public class SandboxSms extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String phone;
    public String text;
    public OffsetDateTime sentAt;
}
