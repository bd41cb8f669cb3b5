package kz.egov.idcard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** docs/product.md, States: each channel's steps, in order, and nothing out of order. */
class StepFlowTest {

    @ParameterizedTest
    @EnumSource(Channel.class)
    void eachStepIsRefusedUntilTheOnesBeforeItAreDone(Channel channel) {
        Application application = draft(channel);
        List<Step> order = channel.steps();
        for (int due = 0; due < order.size(); due++) {
            for (Step step : Step.values()) {
                if (step == order.get(due)) {
                    continue;
                }
                Step expected = order.get(due);
                assertThatThrownBy(() -> ApplicationService.requireNext(application, step))
                        .isInstanceOfSatisfying(ApiException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.STEP_OUT_OF_ORDER);
                            assertThat(e.extensions()).containsEntry("expectedStep", expected.name());
                        });
            }
            ApplicationService.requireNext(application, order.get(due));
            application.markCompleted(order.get(due));
        }
        assertThat(application.nextStep()).isEmpty();
    }

    @Test
    void theWebChannelSignsThenPays() {
        assertThat(Channel.WEB.steps()).containsExactly(Step.BIOMETRICS, Step.QUESTIONNAIRE, Step.SIGNATURE, Step.PAYMENT);
    }

    @Test
    void theMobileChannelPaysThenConfirmsWithFaceId() {
        assertThat(Channel.MOBILE.steps()).containsExactly(Step.BIOMETRICS, Step.QUESTIONNAIRE, Step.PAYMENT, Step.CONFIRMATION);
    }

    @Test
    void aChangedQuestionnaireUndoesTheSignature() {
        Application application = draft(Channel.WEB);
        application.markCompleted(Step.BIOMETRICS);
        application.markCompleted(Step.QUESTIONNAIRE);
        application.markCompleted(Step.SIGNATURE);
        assertThat(application.undoAfter(Step.QUESTIONNAIRE)).containsExactly(Step.SIGNATURE);
        assertThat(application.nextStep()).contains(Step.SIGNATURE);
    }

    @Test
    void noStepIsDueOnceTheDraftIsOver() {
        Application application = draft(Channel.MOBILE);
        application.status = ApplicationStatus.CANCELLED;
        assertThat(application.nextStep()).isEmpty();
        assertThatThrownBy(() -> ApplicationService.requireNext(application, Step.BIOMETRICS))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.APPLICATION_CLOSED));
    }

    private static Application draft(Channel channel) {
        Application application = new Application();
        application.channel = channel;
        application.status = ApplicationStatus.DRAFT;
        return application;
    }
}
