package kz.egov.idcard.operator.archfixture;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import kz.egov.idcard.application.Application;
import kz.egov.idcard.application.ApplicationStatus;

/**
 * Breaks the ownership and native-SQL rules on purpose (another package querying and changing the
 * application record, and native SQL outside a repository): ArchitectureRuleTest shows both fail.
 */
public class TouchesApplications {

    public Uni<List<Application>> submitted() {
        return Application.list("status", ApplicationStatus.SUBMITTED);
    }

    public void issue(Application application) {
        application.status = ApplicationStatus.ISSUED;
    }

    public Uni<Integer> issueAll() {
        return Panache.getSession().chain(session -> session.createNativeQuery("UPDATE application SET status = 'ISSUED'")
                .executeUpdate());
    }
}
