package kz.egov.idcard.common.openapi;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@OpenAPIDefinition(
        info = @Info(title = "ID card replacement API", version = "1.0.0",
                description = "Replace an expiring Kazakhstan ID card from eGov Mobile. Errors are RFC 9457 problems "
                        + "(application/problem+json) with a stable `code`; `title` and `detail` follow Accept-Language "
                        + "(kk, ru, en; default ru). In the sandbox profile, start with GET /api/v1/sandbox/personas."),
        tags = {
                @Tag(name = "Digital ID login", description = "IIN + phone checked in the mobile citizens database, SMS code, tokens"),
                @Tag(name = "Citizen", description = "The logged-in citizen"),
                @Tag(name = "Devices", description = "Face ID / Touch ID keys of the citizen's phones"),
                @Tag(name = "Sandbox", description = "Only in the sandbox profile")
        })
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "The `accessToken` from POST /api/v1/auth/otp/{challengeId}/verify")
public class IdCardApi extends Application {
}
