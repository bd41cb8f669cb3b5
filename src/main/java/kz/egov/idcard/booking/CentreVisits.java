package kz.egov.idcard.booking;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import kz.egov.idcard.application.Application;
import kz.egov.idcard.application.ApplicationService;
import kz.egov.idcard.booking.BookingViews.AttachedApplication;
import kz.egov.idcard.booking.BookingViews.VisitView;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.common.web.ClientInfo;

/**
 * What a Public Service Center's operator sees of the day's booked visits: who comes when, and the
 * online application the citizen attached (why they were sent, what they answered), so that the
 * centre goes on from there instead of starting again.
 */
@ApplicationScoped
public class CentreVisits {

    private final BookingService bookings;
    private final ApplicationService applications;
    private final Messages messages;

    public CentreVisits(BookingService bookings, ApplicationService applications, Messages messages) {
        this.bookings = bookings;
        this.applications = applications;
        this.messages = messages;
    }

    @WithSession
    public Uni<List<VisitView>> day(String tsonId, LocalDate day, Locale locale) {
        return bookings.visits(tsonId, day).chain(visits -> viewEach(visits, locale, 0, new ArrayList<>()));
    }

    public Uni<VisitView> mark(String operator, String tsonId, UUID id, BookingStatus outcome, Locale locale, ClientInfo client) {
        return bookings.mark(operator, tsonId, id, outcome, client).chain(booking -> view(booking, locale));
    }

    private Uni<List<VisitView>> viewEach(List<Booking> visits, Locale locale, int index, List<VisitView> views) {
        if (index == visits.size()) {
            return Uni.createFrom().item(views);
        }
        return view(visits.get(index), locale).chain(view -> {
            views.add(view);
            return viewEach(visits, locale, index + 1, views);
        });
    }

    @WithSession
    Uni<VisitView> view(Booking booking, Locale locale) {
        if (booking.applicationId == null) {
            return Uni.createFrom().item(VisitView.of(booking, null));
        }
        return applications.find(booking.applicationId).map(application -> VisitView.of(booking, attached(application, locale)));
    }

    private AttachedApplication attached(Application application, Locale locale) {
        if (application == null) {
            return null;
        }
        String reason = application.statusReason;
        String message = reason != null && messages.has("redirect." + reason) ? messages.get(locale, "redirect." + reason) : null;
        return AttachedApplication.of(application, message);
    }
}
