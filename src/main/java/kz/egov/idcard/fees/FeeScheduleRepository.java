package kz.egov.idcard.fees;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.points.Tier;

/** Reads {@code fee_tier} and {@code mrp}. */
@ApplicationScoped
public class FeeScheduleRepository {

    public Uni<FeeSchedule> load() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT tier, working_days, mrp_share, fixed_amount FROM fee_tier", Object[].class)
                .getResultList()
                .chain(tiers -> session.createNativeQuery("SELECT year, amount FROM mrp", Object[].class).getResultList()
                        .map(mrps -> toSchedule(tiers, mrps)))));
    }

    private static FeeSchedule toSchedule(List<Object[]> tierRows, List<Object[]> mrpRows) {
        Map<Tier, FeeSchedule.TierTerms> tiers = new EnumMap<>(Tier.class);
        for (Object[] row : tierRows) {
            Tier tier = Tier.valueOf((String) row[0]);
            tiers.put(tier, new FeeSchedule.TierTerms(tier, ((Number) row[1]).intValue(), (BigDecimal) row[2], (BigDecimal) row[3]));
        }
        Map<Integer, BigDecimal> mrp = new HashMap<>();
        for (Object[] row : mrpRows) {
            mrp.put(((Number) row[0]).intValue(), (BigDecimal) row[1]);
        }
        return new FeeSchedule(tiers, mrp);
    }
}
