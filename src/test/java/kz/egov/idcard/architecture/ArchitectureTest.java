package kz.egov.idcard.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The service keeps the dependency rule of docs/architecture.md: a class that breaks it fails the build. */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(Architecture.ROOT);

    @Test
    void eachLayerUsesOnlyTheLayersBeforeIt() {
        Architecture.LAYERS.check(SERVICE);
    }

    @Test
    void featurePackagesFormNoCycle() {
        Architecture.NO_CYCLES.check(SERVICE);
    }

    @Test
    void noProductionClassUsesTheSandbox() {
        Architecture.SANDBOX_IS_A_PLUG_IN.check(SERVICE);
    }

    @Test
    void onlyThePackageThatOwnsARecordQueriesOrChangesIt() {
        Architecture.ONE_OWNER_PER_RECORD.check(SERVICE);
    }

    @Test
    void nativeSqlLivesInRepositoriesOnly() {
        Architecture.NATIVE_SQL_IN_REPOSITORIES.check(SERVICE);
    }
}
