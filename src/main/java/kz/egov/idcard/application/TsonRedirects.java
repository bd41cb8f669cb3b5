package kz.egov.idcard.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import kz.egov.idcard.application.ApplicationViews.TsonRedirect;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.points.PointViews.CenterView;
import kz.egov.idcard.points.PointsService;

/** What a redirected citizen is told: why, what to do, and the Public Service Centers of their region. */
@ApplicationScoped
public class TsonRedirects {

    private final PointsService points;
    private final Messages messages;
    private final ObjectMapper json;

    public TsonRedirects(PointsService points, Messages messages, ObjectMapper json) {
        this.points = points;
        this.messages = messages;
        this.json = json;
    }

    public Uni<TsonRedirect> of(Application application, Locale locale) {
        if (application.status != ApplicationStatus.REDIRECTED_TO_TSON) {
            return Uni.createFrom().nullItem();
        }
        String language = locale.getLanguage();
        String reason = application.statusReason;
        return points.centers(application.tsonRegion).map(centers -> new TsonRedirect(reason,
                messages.get(locale, "redirect." + reason), application.tsonRegion,
                centers.stream().map(c -> CenterView.of(c, language, json)).toList()));
    }
}
