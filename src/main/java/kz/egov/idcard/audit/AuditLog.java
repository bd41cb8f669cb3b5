package kz.egov.idcard.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.common.web.RequestIds;
import org.jboss.logging.MDC;

/**
 * Writes security events in the caller's transaction, so an event is recorded exactly when what
 * it describes is. Callers pass no secrets: no codes, tokens, keys or images.
 */
@ApplicationScoped
public class AuditLog {

    private final Clock clock;
    private final ObjectMapper json;

    public AuditLog(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    @WithTransaction
    public Uni<Void> record(AuditType type, String actor, String subject, String outcome, ClientInfo client,
            Map<String, ?> details) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = OffsetDateTime.now(clock);
        event.eventType = type.name();
        event.actor = actor;
        event.subject = subject;
        event.outcome = outcome;
        event.clientIp = client == null ? null : client.address();
        event.userAgent = client == null ? null : client.userAgent();
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        event.requestId = requestId == null ? null : requestId.toString();
        event.details = toJson(details);
        return event.persist().replaceWithVoid();
    }

    private String toJson(Map<String, ?> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            return String.valueOf(details);
        }
    }
}
