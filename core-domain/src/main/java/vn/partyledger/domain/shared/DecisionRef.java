package vn.partyledger.domain.shared;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The signed paper decision behind an event: its document number (e.g. "15-QĐ/ĐU"), its signing date and the
 * organisation that issued it. An auditor finds the original by these three.
 */
public record DecisionRef(String docNumber, LocalDate docDate, String issuingOrgId) {

    public DecisionRef {
        Objects.requireNonNull(docNumber, "docNumber");
        Objects.requireNonNull(docDate, "docDate");
        Objects.requireNonNull(issuingOrgId, "issuingOrgId");
    }
}
