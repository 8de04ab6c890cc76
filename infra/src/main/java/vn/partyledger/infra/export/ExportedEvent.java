package vn.partyledger.infra.export;

import com.fasterxml.jackson.databind.JsonNode;
import vn.partyledger.infra.eventstore.StoredEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * One event of an export: as stored, the business date it was recorded with (its recording day in Vietnam when its
 * metadata names none), its metadata read for the summary, and its place in the checkpoint's tree with the audit path
 * from it to the root.
 */
public record ExportedEvent(StoredEvent stored, LocalDate businessDate, JsonNode metaData, long leafIndex,
                            List<String> auditPath) {
}
