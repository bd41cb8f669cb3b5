package kz.egov.idcard.citizen.archfixture;

import kz.egov.idcard.application.ApplicationService;

/** Breaks the layers on purpose (identity reaching up to the application): ArchitectureRuleTest shows the rule fails. */
public class UsesTheApplication {

    public String citizen(String iin) {
        return ApplicationService.citizen(iin);
    }
}
