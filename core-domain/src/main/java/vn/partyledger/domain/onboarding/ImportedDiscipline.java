package vn.partyledger.domain.onboarding;

import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.member.ViolationCategory;

import java.time.LocalDate;

/**
 * A discipline the paper file shows in effect (docs/rules.md#s10-3): its form, the day it was decided, the decision's
 * document number, and what it punished ({@link ViolationCategory#NOT_RECORDED} when the file does not say).
 */
public record ImportedDiscipline(DisciplineForm form, LocalDate decidedOn, String decisionRef,
                                 ViolationCategory violationCategory) {

    public ImportedDiscipline {
        violationCategory = violationCategory == null ? ViolationCategory.NOT_RECORDED : violationCategory;
    }
}
