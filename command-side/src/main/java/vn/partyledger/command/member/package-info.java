/** The Member aggregate: one record per person's membership path, from candidacy to exit and re-admission. */
package vn.partyledger.command.member;
