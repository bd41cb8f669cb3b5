package kz.egov.idcard.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules fail on a class that breaks them: the service's classes plus the
 * deliberate offenders in the test packages named {@code archfixture}.
 */
class ArchitectureRuleTest {

    private static final JavaClasses WITH_OFFENDERS = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/") || location.contains("/archfixture/"))
            .importPackages(Architecture.ROOT);

    @Test
    void aClassThatUsesALaterLayerBreaksTheLayers() {
        assertThatThrownBy(() -> Architecture.LAYERS.check(WITH_OFFENDERS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("citizen.archfixture.UsesTheApplication")
                .hasMessageContaining("payment.archfixture.UsesTheSandbox");
    }

    @Test
    void twoPackagesThatUseEachOtherAreACycle() {
        assertThatThrownBy(() -> Architecture.NO_CYCLES.check(WITH_OFFENDERS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected: Slice calendar -> ")
                .hasMessageContaining("calendar.archfixture.UsesTheFees");
    }

    @Test
    void productionCodeThatUsesTheSandboxIsRefused() {
        assertThatThrownBy(() -> Architecture.SANDBOX_IS_A_PLUG_IN.check(WITH_OFFENDERS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("payment.archfixture.UsesTheSandbox")
                .hasMessageNotContaining("kz.egov.idcard.sandbox.SandboxService.");
    }

    @Test
    void anotherPackageQueryingOrChangingTheApplicationIsRefused() {
        assertThatThrownBy(() -> Architecture.ONE_OWNER_PER_RECORD.check(WITH_OFFENDERS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TouchesApplications.submitted()> calls method <kz.egov.idcard.application.Application.list")
                .hasMessageContaining("TouchesApplications.issue(kz.egov.idcard.application.Application)> sets field "
                        + "<kz.egov.idcard.application.Application.status>");
    }

    @Test
    void nativeSqlOutsideARepositoryIsRefused() {
        assertThatThrownBy(() -> Architecture.NATIVE_SQL_IN_REPOSITORIES.check(WITH_OFFENDERS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TouchesApplications")
                .hasMessageContaining("createNativeQuery");
    }
}
