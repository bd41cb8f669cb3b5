package kz.egov.idcard.points;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A TIER_NOT_OFFERED problem lists the tiers the point offers ({@code offeredTiers}). The problem's
 * schema lives in common, which knows no feature, so the tiers are named here, where Tier is.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class TierProblemSchema implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema problem = openAPI.getComponents().getSchemas().get("Problem");
        if (problem != null && problem.getProperties() != null && problem.getProperties().get("offeredTiers") != null) {
            problem.getProperties().get("offeredTiers").items(OASFactory.createSchema().ref("Tier"));
        }
    }
}
