package kz.egov.idcard.application;

import kz.egov.idcard.points.Tier;

/** The questionnaire's answers as the application keeps them: blank optional answers are null. */
public record QuestionnaireAnswers(boolean personalDataConfirmed, String contactPhone, String email, String address,
        String pickupPointId, Tier tier) {
}
