package kz.egov.idcard.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import kz.egov.idcard.points.Tier;

/**
 * What each tier costs and how long it takes (docs/product.md R3): a fixed fee, or a share of the MRP of the
 * year of the date the fee is charged. Amounts are exact, in KZT with two decimals.
 */
public final class FeeSchedule {

    public record TierTerms(Tier tier, int workingDays, BigDecimal mrpShare, BigDecimal fixedAmount) {
    }

    /** The amount, and on what it rests: a fixed fee, or a share of one year's MRP. */
    public record Fee(Tier tier, BigDecimal amount, int workingDays, BigDecimal mrpShare, Integer mrpYear, BigDecimal mrp) {
        public boolean isMrpBased() {
            return mrpShare != null;
        }
    }

    private final Map<Tier, TierTerms> tiers;
    private final Map<Integer, BigDecimal> mrpByYear;

    public FeeSchedule(Map<Tier, TierTerms> tiers, Map<Integer, BigDecimal> mrpByYear) {
        this.tiers = Map.copyOf(tiers);
        this.mrpByYear = Map.copyOf(mrpByYear);
    }

    /** The fee for a tier charged in a given year; empty when that year's MRP is not known yet. */
    public Optional<Fee> fee(Tier tier, int year) {
        TierTerms terms = tiers.get(tier);
        if (terms == null) {
            return Optional.empty();
        }
        if (terms.fixedAmount() != null) {
            return Optional.of(new Fee(tier, terms.fixedAmount().setScale(2, RoundingMode.UNNECESSARY), terms.workingDays(),
                    null, null, null));
        }
        BigDecimal mrp = mrpByYear.get(year);
        if (mrp == null) {
            return Optional.empty();
        }
        BigDecimal amount = mrp.multiply(terms.mrpShare()).setScale(2, RoundingMode.HALF_UP);
        return Optional.of(new Fee(tier, amount, terms.workingDays(), terms.mrpShare(), year, mrp));
    }

    /** Whether the MRP of the year is published. */
    public boolean hasMrp(int year) {
        return mrpByYear.containsKey(year);
    }

    public int workingDays(Tier tier) {
        return tiers.get(tier).workingDays();
    }
}
