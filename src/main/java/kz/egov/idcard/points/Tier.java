package kz.egov.idcard.points;

/** Processing tiers (docs/product.md R3); what each costs and takes is data in {@code fee_tier}. */
public enum Tier {
    STANDARD,
    EXPEDITED,
    URGENT
}
