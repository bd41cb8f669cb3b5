package kz.egov.idcard.calendar;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import kz.egov.idcard.common.security.Roles;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.common.web.Years;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import static kz.egov.idcard.common.Texts.FREE_TEXT;

/** The working-day calendar of each year, published while the service runs (docs/product.md R4). */
@Path("/admin/calendar")
@Tag(name = "Administration")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "adminBearer")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarAdminResource {

    private final CalendarPublisher publisher;
    private final JsonWebToken jwt;

    public CalendarAdminResource(CalendarPublisher publisher, JsonWebToken jwt) {
        this.publisher = publisher;
        this.jwt = jwt;
    }

    @GET
    @Operation(operationId = "listCalendarYears", summary = "The years with a calendar", description = "Oldest first; `official` "
            + "is false while a year's list is the statutory rule's estimate (its ready-on dates carry readyOnEstimated).")
    @APIResponse(responseCode = "200", description = "Oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 100, implementation = CalendarPublisher.YearView.class)))
    public Uni<List<CalendarPublisher.YearView>> years() {
        return publisher.years();
    }

    @GET
    @Path("/{year}")
    @Operation(operationId = "getCalendarYear", summary = "A year's calendar", description = "Its listed days; every other "
            + "Saturday and Sunday is off and every other weekday worked. 404 CALENDAR_NOT_FOUND for a year without one.")
    public Uni<CalendarPublisher.YearView> year(@PathParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
            format = "int32", minimum = "2000", maximum = "2100"), example = "2027") String year) {
        return publisher.year(Years.parse("year", year));
    }

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "publishCalendarYear", summary = "Publish a year's official calendar", description = "The "
            + "government's list: its public holidays, the weekdays off (a holiday moved off a weekend), and the transfers "
            + "(a weekday off for a weekend day worked). It replaces the year's list and makes it official. Every date must "
            + "be in the year and listed once; a transfer names both days. Audited with the list it replaces; it takes "
            + "effect at once here and within idcard.calendar.refresh on the other instances, and ready-on dates estimated "
            + "through that year are recomputed.")
    public Uni<CalendarPublisher.YearView> publish(
            @PathParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2000",
                    maximum = "2100"), example = "2027") String year,
            @Valid @NotNull CalendarRequest body, @Context HttpServerRequest request) {
        return publisher.publish(Years.parse("year", year), body.source().strip(),
                body.holidays() == null ? List.of() : body.holidays().stream().map(d -> new CalendarPublisher.Day(d.date(), d.name().strip())).toList(),
                body.daysOff() == null ? List.of() : body.daysOff().stream().map(d -> new CalendarPublisher.Day(d.date(), d.name().strip())).toList(),
                body.transfers() == null ? List.of() : body.transfers().stream()
                        .map(t -> new CalendarPublisher.Transfer(t.dayOff(), t.workingDay(), t.name().strip())).toList(),
                jwt.getSubject(), ClientInfo.of(request));
    }


    @RegisterForReflection
    @Schema(name = "CalendarRequest", additionalProperties = Schema.False.class)
    public record CalendarRequest(
            @NotBlank @Size(max = 2000) @Pattern(regexp = FREE_TEXT)
            @Schema(required = true, maxLength = 2000, pattern = FREE_TEXT, description = "Where the list comes from (decree, order)",
                    example = "Official: egov.kz holiday calendar 2027; order of the Minister of Labour of 20 Nov 2026") String source,
            @Size(max = 60) @Schema(maxItems = 60, description = "The public holidays (even on a weekend)",
                    example = "[{\"date\":\"2027-01-01\",\"name\":\"New Year\"},{\"date\":\"2027-01-02\",\"name\":\"New Year\"}]") List<@Valid ListedDay> holidays,
            @Size(max = 60) @Schema(maxItems = 60, description = "Weekdays off: a holiday moved off a weekend",
                    example = "[{\"date\":\"2027-03-24\",\"name\":\"Nauryz (moved off Sunday 21 March)\"}]") List<@Valid ListedDay> daysOff,
            @Size(max = 30) @Schema(maxItems = 30, description = "A weekday off for a weekend day worked",
                    example = "[{\"dayOff\":\"2027-01-08\",\"workingDay\":\"2027-01-16\",\"name\":\"Transfer by order of the Minister of Labour\"}]") List<@Valid TransferredDay> transfers) {
    }

    @RegisterForReflection
    @Schema(name = "CalendarListedDay", additionalProperties = Schema.False.class)
    public record ListedDay(
            @NotNull @Schema(required = true, example = "2027-01-01") LocalDate date,
            @NotBlank @Size(max = 200) @Pattern(regexp = FREE_TEXT) @Schema(required = true, maxLength = 200, pattern = FREE_TEXT, example = "New Year")
            String name) {
    }

    @RegisterForReflection
    @Schema(name = "CalendarTransfer", additionalProperties = Schema.False.class)
    public record TransferredDay(
            @Schema(description = "The weekday that is off", example = "2027-01-08") LocalDate dayOff,
            @Schema(description = "The Saturday or Sunday worked instead", example = "2027-01-16") LocalDate workingDay,
            @NotBlank @Size(max = 200) @Pattern(regexp = FREE_TEXT) @Schema(required = true, maxLength = 200, pattern = FREE_TEXT,
                    example = "Transfer by order of the Minister of Labour") String name) {
    }
}
