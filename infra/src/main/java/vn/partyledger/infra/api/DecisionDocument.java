package vn.partyledger.infra.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/** A signed decision as a request names it. A decision cannot be dated in the future. */
public record DecisionDocument(@NotBlank @Size(max = 64) String docNumber,
                               @NotNull @PastOrPresent LocalDate docDate,
                               @NotBlank @Size(max = 64) String issuingOrgId) {

    public DecisionRef toDecisionRef() {
        return new DecisionRef(docNumber, docDate, issuingOrgId);
    }

    /** The decision an optional document names, or none. */
    static DecisionRef toDecisionRef(DecisionDocument optional) {
        return optional == null ? null : optional.toDecisionRef();
    }
}
