package kz.egov.idcard.application;

import java.util.List;

/** Where the citizen applies from; each channel has its own order of steps inside DRAFT (docs/product.md, States). */
public enum Channel {
    WEB(List.of(Step.BIOMETRICS, Step.QUESTIONNAIRE, Step.SIGNATURE, Step.PAYMENT)),
    MOBILE(List.of(Step.BIOMETRICS, Step.QUESTIONNAIRE, Step.PAYMENT, Step.CONFIRMATION));

    private final List<Step> steps;

    Channel(List<Step> steps) {
        this.steps = steps;
    }

    public List<Step> steps() {
        return steps;
    }
}
