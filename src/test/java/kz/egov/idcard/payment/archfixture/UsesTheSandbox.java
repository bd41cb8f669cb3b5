package kz.egov.idcard.payment.archfixture;

import kz.egov.idcard.sandbox.SandboxConfig;

/** Breaks the plug-in rule on purpose (production code using the sandbox): ArchitectureRuleTest shows the rule fails. */
public class UsesTheSandbox {

    public boolean sandbox(SandboxConfig config) {
        return config.enabled();
    }
}
