package kz.egov.idcard.calendar.archfixture;

import kz.egov.idcard.fees.FeeService;

/** Makes a cycle on purpose (fees already uses calendar): ArchitectureRuleTest shows the rule fails. */
public class UsesTheFees {

    public Class<?> fees() {
        return FeeService.class;
    }
}
