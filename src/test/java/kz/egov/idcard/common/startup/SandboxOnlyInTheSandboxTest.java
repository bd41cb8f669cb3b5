package kz.egov.idcard.common.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Outside the sandbox, dev and test profiles every setting that would bring in the sandbox refuses the start, by name. */
class SandboxOnlyInTheSandboxTest {

    @ParameterizedTest(name = "{0} = sandbox refuses a production start")
    @ValueSource(strings = {"idcard.adapters.mobile-citizens", "idcard.adapters.id-documents", "idcard.adapters.sms",
            "idcard.adapters.push", "idcard.biometrics.matcher", "idcard.payments.gateway", "idcard.eds.trust", "idcard.secrets.fallback"})
    void aSandboxAdapterRefusesAProductionStart(String setting) {
        List<String> refused = SandboxOnlyInTheSandbox.check(List.of("prod"), config(Map.of(setting, "sandbox")));
        assertThat(refused).singleElement().asString()
                .startsWith(setting.toUpperCase().replace('.', '_').replace('-', '_') + " (" + setting + ") = sandbox")
                .contains("active: prod");
    }

    @Test
    void theSandboxSwitchAndItsTablesRefuseAProductionStartTogether() {
        List<String> refused = SandboxOnlyInTheSandbox.check(List.of("prod"), config(Map.of("idcard.sandbox.enabled", "true",
                "idcard.database.optional-migrations", "db/sandbox", "idcard.payments.gateway", "http")));
        assertThat(refused).hasSize(2);
        assertThat(refused.get(0)).startsWith("IDCARD_SANDBOX_ENABLED (idcard.sandbox.enabled)");
        assertThat(refused.get(1)).startsWith("IDCARD_DATABASE_OPTIONAL_MIGRATIONS (idcard.database.optional-migrations)");
    }

    @Test
    void theSandboxDevAndTestProfilesMayUseEveryStandIn() {
        Map<String, String> all = Map.of("idcard.sandbox.enabled", "true", "idcard.adapters.sms", "sandbox", "idcard.eds.trust", "sandbox");
        assertThat(SandboxOnlyInTheSandbox.check(List.of("sandbox"), config(all))).isEmpty();
        assertThat(SandboxOnlyInTheSandbox.check(List.of("dev", "sandbox"), config(all))).isEmpty();
        assertThat(SandboxOnlyInTheSandbox.check(List.of("test", "sandbox"), config(all))).isEmpty();
        assertThat(SandboxOnlyInTheSandbox.check(List.of("prod"), config(Map.of("idcard.adapters.sms", "http")))).isEmpty();
    }

    private static java.util.function.Function<String, Optional<String>> config(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }
}
