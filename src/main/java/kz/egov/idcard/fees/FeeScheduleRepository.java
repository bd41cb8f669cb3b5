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

    /** Every published MRP: year, amount, basis, oldest first. */
    public Uni<List<Object[]>> mrps() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT year, amount, basis FROM mrp ORDER BY year", Object[].class).getResultList()));
    }

    /** Publishes (or corrects) the MRP of a year, in the caller's transaction, after locking the year's row. */
    public Uni<Void> publishMrp(int year, BigDecimal amount, String basis) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO mrp (year, amount, basis) VALUES (?1, ?2, ?3) "
                                + "ON CONFLICT (year) DO UPDATE SET amount = EXCLUDED.amount, basis = EXCLUDED.basis")
                .setParameter(1, year).setParameter(2, amount).setParameter(3, basis).executeUpdate()).replaceWithVoid();
    }

    /** The MRP of a year as it is now (amount, basis), locked until the transaction ends; null when none is published. */
    public Uni<Object[]> lockMrp(int year) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT amount, basis FROM mrp WHERE year = ?1 FOR UPDATE", Object[].class)
                .setParameter(1, year).getResultList()).map(rows -> rows.isEmpty() ? null : rows.get(0));
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
