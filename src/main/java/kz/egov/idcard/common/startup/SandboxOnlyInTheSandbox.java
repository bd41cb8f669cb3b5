package kz.egov.idcard.common.startup;

import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The sandbox exists only in the sandbox, dev and test profiles. In any other profile a setting
 * that turns on the sandbox or chooses a sandbox stand-in (its registries, SMS, push, face matcher,
 * payment gateway, EDS trust, self-made secrets or tables) refuses the start, named with everything
 * else missing: a typo in a deployment must not hand citizens to a test double.
 */
@ApplicationScoped
public class SandboxOnlyInTheSandbox implements StartupRequirement {

    static final Set<String> SANDBOX_PROFILES = Set.of("sandbox", "dev", "test");
    static final List<String> ADAPTER_SETTINGS = List.of("idcard.adapters.mobile-citizens", "idcard.adapters.id-documents",
            "idcard.adapters.sms", "idcard.adapters.push", "idcard.biometrics.matcher", "idcard.payments.gateway", "idcard.eds.trust",
            "idcard.secrets.fallback");

    @Override
    public List<String> missing() {
        return check(ConfigUtils.getProfiles(), name -> ConfigProvider.getConfig().getOptionalValue(name, String.class));
    }

    static List<String> check(List<String> profiles, Function<String, Optional<String>> config) {
        if (profiles.stream().anyMatch(SANDBOX_PROFILES::contains)) {
            return List.of();
        }
        String outside = " must not turn the sandbox on outside the sandbox, dev and test profiles (active: "
                + String.join(", ", profiles) + ")";
        List<String> refused = new ArrayList<>();
        if (config.apply("idcard.sandbox.enabled").map(String::strip).filter("true"::equalsIgnoreCase).isPresent()) {
            refused.add(variable("idcard.sandbox.enabled") + outside);
        }
        for (String setting : ADAPTER_SETTINGS) {
            if (config.apply(setting).map(String::strip).filter("sandbox"::equalsIgnoreCase).isPresent()) {
                refused.add(variable(setting) + " = sandbox" + outside);
            }
        }
        if (config.apply("idcard.database.optional-migrations").filter(value -> value.contains("db/sandbox")).isPresent()) {
            refused.add(variable("idcard.database.optional-migrations") + " = db/sandbox" + outside);
        }
        return refused;
    }

    /** "IDCARD_SANDBOX_ENABLED (idcard.sandbox.enabled)". */
    static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + " (" + property + ")";
    }
}
