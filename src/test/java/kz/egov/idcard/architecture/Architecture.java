package kz.egov.idcard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures;
import java.util.Set;

/**
 * The dependency rule of docs/architecture.md as ArchUnit rules: layers that use only the layers
 * before them, feature packages without cycles, the sandbox as a plug-in, one owner per table and
 * native SQL only in repositories. ArchitectureTest checks the service; ArchitectureRuleTest shows
 * that each rule fails on a class that breaks it.
 */
final class Architecture {

    static final String ROOT = "kz.egov.idcard";

    private Architecture() {
    }

    private static String[] packages(String... features) {
        String[] identifiers = new String[features.length];
        for (int i = 0; i < features.length; i++) {
            identifiers[i] = ROOT + "." + features[i] + "..";
        }
        return identifiers;
    }

    /** Each layer may use the layers listed before it, never one after it. */
    static final ArchRule LAYERS = Architectures.layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("common").definedBy(packages("common"))
            .layer("platform").definedBy(packages("audit", "sms", "notification"))
            .layer("reference data").definedBy(packages("calendar", "points", "fees"))
            .layer("identity").definedBy(packages("citizen", "auth", "device"))
            .layer("application").definedBy(packages("application"))
            .layer("steps").definedBy(packages("biometrics", "questionnaire", "signing", "payment"))
            .layer("visits").definedBy(packages("booking", "reminder"))
            .layer("operator").definedBy(packages("operator"))
            .layer("sandbox").definedBy(packages("sandbox"))
            .whereLayer("sandbox").mayNotBeAccessedByAnyLayer()
            .whereLayer("operator").mayOnlyBeAccessedByLayers("sandbox")
            .whereLayer("visits").mayOnlyBeAccessedByLayers("operator", "sandbox")
            .whereLayer("steps").mayOnlyBeAccessedByLayers("visits", "operator", "sandbox")
            .whereLayer("application").mayOnlyBeAccessedByLayers("steps", "visits", "operator", "sandbox")
            .whereLayer("identity").mayOnlyBeAccessedByLayers("application", "steps", "visits", "operator", "sandbox")
            .whereLayer("reference data").mayOnlyBeAccessedByLayers("identity", "application", "steps", "visits", "operator", "sandbox")
            .whereLayer("platform").mayOnlyBeAccessedByLayers("reference data", "identity", "application", "steps", "visits",
                    "operator", "sandbox")
            .as("Each layer uses only the layers before it: common, platform, reference data, identity, application, steps, "
                    + "visits, operator, sandbox");

    /** No two feature packages reach each other, however indirectly. */
    static final ArchRule NO_CYCLES = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles()
            .as("Feature packages form no cycle");

    /** Production code sees only interfaces; the sandbox plugs in behind them. */
    static final ArchRule SANDBOX_IS_A_PLUG_IN = noClasses().that().resideOutsideOfPackage(ROOT + ".sandbox..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".sandbox..")
            .as("No production class uses the sandbox");

    /**
     * One owner per table: an entity is queried, locked or changed (its Panache statics, its
     * fields written) and its repository used only in its own package; others call its service.
     */
    static final ArchRule ONE_OWNER_PER_RECORD = classes().should(new ArchCondition<>("touch only the records of their own package") {
        @Override
        public void check(JavaClass javaClass, ConditionEvents events) {
            for (JavaAccess<?> access : javaClass.getAccessesFromSelf()) {
                JavaClass target = access.getTargetOwner();
                if (target.getPackageName().equals(javaClass.getPackageName()) || !target.getPackageName().startsWith(ROOT)) {
                    continue;
                }
                boolean entity = target.isAnnotatedWith("jakarta.persistence.Entity");
                boolean query = entity && access instanceof JavaMethodCall && PANACHE_STATICS.contains(access.getName());
                boolean write = entity && access instanceof JavaFieldAccess field && field.getAccessType() == JavaFieldAccess.AccessType.SET;
                boolean repository = target.getSimpleName().endsWith("Repository");
                if (query || write || repository) {
                    events.add(SimpleConditionEvent.violated(access, access.getDescription()
                            + (repository ? ": a repository is its package's own" : ": the record belongs to " + target.getPackageName())));
                }
            }
        }
    }).as("Only the package that owns a record queries, locks or changes it");

    private static final Set<String> PANACHE_STATICS = Set.of("find", "findAll", "findById", "list", "listAll", "count", "stream",
            "streamAll", "update", "delete", "deleteAll", "deleteById", "persist", "persistAndFlush");

    /** Native SQL (Hibernate's native queries, statements on the reactive pool) lives in repositories and common/db only. */
    static final ArchRule NATIVE_SQL_IN_REPOSITORIES = noClasses()
            .that().haveSimpleNameNotEndingWith("Repository").and().resideOutsideOfPackage(ROOT + ".common.db..")
            .should().callMethodWhere(DescribedPredicate.describe("a native SQL statement", (JavaMethodCall call) -> {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                return name.equals("createNativeQuery") && owner.startsWith("org.hibernate.reactive")
                        || (name.equals("preparedQuery") || name.equals("query"))
                                && (owner.startsWith("io.vertx") || owner.startsWith(ROOT + ".common.db"));
            }))
            .as("Native SQL lives in repositories only");

    static final ArchRule[] ALL = {LAYERS, NO_CYCLES, SANDBOX_IS_A_PLUG_IN, ONE_OWNER_PER_RECORD, NATIVE_SQL_IN_REPOSITORIES};
}
