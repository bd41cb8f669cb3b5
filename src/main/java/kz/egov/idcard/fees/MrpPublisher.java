package kz.egov.idcard.fees;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.audit.AuditLog;
import kz.egov.idcard.audit.AuditType;
import kz.egov.idcard.common.web.ClientInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The MRP of each year, published by the people who run the service when the budget law sets it
 * (docs/operations.md, Reference data). It takes effect at once on this instance and within
 * {@code idcard.calendar.refresh} on the others; invoices already made keep their amount.
 */
@ApplicationScoped
public class MrpPublisher {

    @RegisterForReflection
    @Schema(name = "Mrp", description = "The monthly calculation index of a year, as the budget law sets it")
    public record MrpView(
            @Schema(minimum = "2000", maximum = "2100", format = "int32", example = "2027") int year,
            @Schema(minimum = "0.01", maximum = "9999999999.99", multipleOf = 0.01, description = "KZT", example = "4325.00") BigDecimal amount,
            @Schema(maxLength = 500, pattern = "\\S", description = "The law that sets it",
                    example = "Law of the Republic of Kazakhstan \"On the republican budget for 2027-2029\"") String basis) {
    }

    private final FeeScheduleRepository repository;
    private final FeeService fees;
    private final AuditLog audit;

    public MrpPublisher(FeeScheduleRepository repository, FeeService fees, AuditLog audit) {
        this.repository = repository;
        this.fees = fees;
        this.audit = audit;
    }

    public Uni<List<MrpView>> all() {
        return repository.mrps().map(rows -> rows.stream()
                .map(row -> new MrpView(((Number) row[0]).intValue(), (BigDecimal) row[1], (String) row[2])).toList());
    }

    /** Publishes or corrects the year's MRP; audited with what it was before. */
    public Uni<MrpView> publish(int year, BigDecimal amount, String basis, String admin, ClientInfo client) {
        BigDecimal exact = amount.setScale(2);
        return Panache.withTransaction(() -> repository.lockMrp(year)
                        .chain(before -> repository.publishMrp(year, exact, basis)
                                .chain(() -> audit.record(AuditType.REFERENCE_DATA_CHANGED, admin, "mrp:" + year,
                                        before == null ? "PUBLISHED" : "CORRECTED", client, change(before, exact, basis)))))
                .invoke(fees::forget)
                .replaceWith(new MrpView(year, exact, basis));
    }

    private static Map<String, Object> change(Object[] before, BigDecimal amount, String basis) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (before != null) {
            details.put("before", Map.of("amount", ((BigDecimal) before[0]).toPlainString(), "basis", before[1]));
        }
        details.put("after", Map.of("amount", amount.toPlainString(), "basis", basis));
        return details;
    }
}
