package kz.egov.idcard.sandbox;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/** Outside the sandbox its endpoints do not exist, so neither do their entries in the served document. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class SandboxPathsFilter implements OASFilter {

    static final String SANDBOX_PREFIX = "/api/v1/sandbox";

    static final String WITHOUT_SANDBOX = "Replace an expiring Kazakhstan ID card from eGov Mobile (channel `MOBILE`) or the "
            + "eGov.kz portal (`WEB`). The tags follow the journey: **Digital ID login** (an SMS code, then tokens), "
            + "**Applications** (eligibility, then the steps its `nextStep` names: face, questionnaire, payment and the "
            + "signature or Face ID confirmation; then tracking), **Reference data** for the questionnaire, the **Payment "
            + "gateway**'s notices, the **Registration point**'s operators and **Administration**.\n\n"
            + "Errors are RFC 9457 problems (`application/problem+json`) with a stable `code`; `title` and `detail` follow "
            + "Accept-Language (kk, ru, en; default ru; the examples here are the English ones). Each operation shows the "
            + "problems it answers. Integrators walk the whole journey in the sandbox, whose Swagger UI guides them.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        boolean sandbox = ConfigProvider.getConfig().getOptionalValue("idcard.sandbox.enabled", Boolean.class).orElse(false);
        if (sandbox || openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        // The start-here guide walks the journey through the sandbox's helpers; without them it is this.
        openAPI.getInfo().setDescription(WITHOUT_SANDBOX);
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
