package kz.egov.idcard.common.db;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Migrations outside {@code db/migration} apply only where {@code idcard.database.optional-migrations}
 * names their location: {@code db/sandbox} (the sandbox's own tables) in the sandbox, dev and test
 * profiles, nowhere in production. Every location is packaged (quarkus.flyway.locations); this
 * filter decides at start which of them count. The placeholder {@code optional_migrations} tells
 * a core migration which are on (V11 drops the sandbox tables that V1, V5 and V8 made everywhere).
 */
@Singleton
public class OptionalMigrations implements FlywayConfigurationCustomizer {

    static final String CORE = "db/migration/";

    private final List<String> enabled;

    public OptionalMigrations(DatabaseConfig config) {
        this.enabled = config.optionalMigrations().orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(location -> location.endsWith("/") ? location : location + "/").toList();
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        ResourceProvider packaged = configuration.getResourceProvider();
        configuration.resourceProvider(new ResourceProvider() {
            @Override
            public LoadableResource getResource(String name) {
                LoadableResource resource = packaged.getResource(name);
                return resource == null || applies(resource.getAbsolutePath()) ? resource : null;
            }

            @Override
            public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
                return packaged.getResources(prefix, suffixes).stream().filter(r -> applies(r.getAbsolutePath())).toList();
            }
        });
        Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
        placeholders.put("optional_migrations", String.join(",", enabled));
        configuration.placeholders(placeholders);
    }

    boolean applies(String path) {
        String normalised = path.replace('\\', '/');
        return normalised.startsWith(CORE) || enabled.stream().anyMatch(normalised::startsWith);
    }
}
