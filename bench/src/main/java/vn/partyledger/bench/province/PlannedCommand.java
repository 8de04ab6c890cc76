package vn.partyledger.bench.province;

import java.time.LocalDate;

/**
 * One request of the generated history: the business day it is sent on (the plan's order), what kind of command it
 * is (for counting), and the POST it makes.
 */
public record PlannedCommand(LocalDate day, String kind, String path, String body) {
}
