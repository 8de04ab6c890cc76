package vn.partyledger.command.member;

import vn.partyledger.domain.discipline.DisciplineForm;

import java.time.LocalDate;

/**
 * A discipline the badge rules weigh (I24): its form and the day it took effect, whether it was imposed live or
 * imported from the paper file with the record.
 */
record DisciplineInEffect(DisciplineForm form, LocalDate effectiveDate) {
}
