package kz.egov.idcard.application;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.egov.idcard.points.Tier;

/** The application aggregate. {@link #version} makes concurrent changes fail instead of overwriting each other. */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;
    public String applicantIin;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    public String completedSteps = "";
    public String cardNumber;
    public LocalDate cardExpiresOn;
    public boolean personalDataConfirmed;
    public String contactPhone;
    public String email;
    public String address;
    public String pickupPointId;
    @Enumerated(EnumType.STRING)
    public Tier tier;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
    public OffsetDateTime submittedAt;
    public LocalDate readyOn;
    /** The ready-on date counts through a year whose official calendar is not published: an estimate, recomputed when it is. */
    public boolean readyOnEstimated;
    public String statusReason;
    public String tsonRegion;
    /** When the PAYMENT step was done; a paid draft never expires, it waits for its confirmation (docs/product.md R8). */
    public OffsetDateTime paidAt;
    /** An open invoice holds the draft open until it expires: the payment may be on its way. */
    public OffsetDateTime heldUntil;
    /** When the citizen was reminded to confirm a paid application. */
    public OffsetDateTime confirmationRemindedAt;
    /** When the citizen was reminded that the draft is about to expire (docs/product.md, Reminders). */
    public OffsetDateTime expiryRemindedAt;
    /** When the citizen was reminded that the card waits at the point (docs/product.md, Reminders). */
    public OffsetDateTime pickupRemindedAt;
    /** The citizen's language when applying: notifications speak it. */
    public String language = "ru";
    @Version
    public int version;

    public List<Step> completed() {
        if (completedSteps == null || completedSteps.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(completedSteps.split(",")).map(Step::valueOf).toList();
    }

    public boolean hasCompleted(Step step) {
        return completed().contains(step);
    }

    /** The channel's first step not yet done; empty once all are done or the draft is over. */
    public Optional<Step> nextStep() {
        if (status != ApplicationStatus.DRAFT) {
            return Optional.empty();
        }
        List<Step> done = completed();
        return channel.steps().stream().filter(step -> !done.contains(step)).findFirst();
    }

    void markCompleted(Step step) {
        List<Step> done = new ArrayList<>(completed());
        if (!done.contains(step)) {
            done.add(step);
        }
        completedSteps = channel.steps().stream().filter(done::contains).map(Step::name).collect(Collectors.joining(","));
    }

    /** Steps after the given one are undone (a changed questionnaire needs a new signature). */
    List<Step> undoAfter(Step step) {
        List<Step> order = channel.steps();
        int index = order.indexOf(step);
        List<Step> undone = completed().stream().filter(s -> order.indexOf(s) > index).toList();
        completedSteps = completed().stream().filter(s -> order.indexOf(s) <= index).map(Step::name)
                .collect(Collectors.joining(","));
        return undone;
    }

    public boolean questionnaireFilled() {
        return pickupPointId != null && tier != null;
    }
}
