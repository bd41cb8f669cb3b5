package kz.egov.idcard.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every operation can answer a problem (validation, authentication, not found, 503 ...): the
 * document says so once, as each operation's {@code default} response, instead of on every method.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null && operation.getResponses().getDefaultValue() == null) {
            APIResponse problem = OASFactory.createAPIResponse()
                    .description("An RFC 9457 problem; switch on `code`")
                    .content(OASFactory.createContent().addMediaType("application/problem+json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
            operation.getResponses().setDefaultValue(problem);
        }
        return operation;
    }
}
