package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * On the transfer case: the member died while the letter was in transit or the temporary attachment in force, so the
 * transfer ended on the date of death and takes no further step (I29). Recorded in the death's unit of work.
 */
@Revision("1")
public record TransferEndedByDeath(String transferId, String memberId, String toOrgId, LocalDate dateOfDeath) {
}
