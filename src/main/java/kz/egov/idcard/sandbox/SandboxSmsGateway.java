package kz.egov.idcard.sandbox;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import kz.egov.idcard.common.adapters.Adapter;
import java.time.Clock;
import java.time.OffsetDateTime;
import kz.egov.idcard.sms.SmsGateway;

/** Keeps "sent" messages in {@code sandbox_sms}, where {@code GET /sandbox/sms} shows them. */
@ApplicationScoped
@Adapter("sandbox")
public class SandboxSmsGateway implements SmsGateway {

    private final Clock clock;

    public SandboxSmsGateway(Clock clock) {
        this.clock = clock;
    }

    @Override
    @WithTransaction
    public Uni<Void> send(String phone, String text) {
        SandboxSms sms = new SandboxSms();
        sms.phone = phone;
        sms.text = text;
        sms.sentAt = OffsetDateTime.now(clock);
        return sms.persist().replaceWithVoid();
    }
}
