package kz.egov.idcard.sandbox;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/** Outside the sandbox its endpoints do not exist, so neither do their entries in the served document. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class SandboxPathsFilter implements OASFilter {

    static final String SANDBOX_PREFIX = "/api/v1/sandbox";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        boolean sandbox = ConfigProvider.getConfig().getOptionalValue("idcard.sandbox.enabled", Boolean.class).orElse(false);
        if (sandbox || openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().keySet().stream()
                .filter(path -> path.startsWith(SANDBOX_PREFIX))
                .toList()
                .forEach(openAPI.getPaths()::removePathItem);
        if (openAPI.getTags() != null) {
            openAPI.getTags().stream().filter(tag -> "Sandbox".equals(tag.getName())).toList().forEach(openAPI::removeTag);
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().keySet().stream()
                    .filter(name -> name.startsWith("Sandbox"))
                    .toList()
                    .forEach(openAPI.getComponents()::removeSchema);
        }
    }
}
