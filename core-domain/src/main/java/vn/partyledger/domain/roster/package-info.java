/** Queries about who is on a branch's roll, now or on any past date. */
package vn.partyledger.domain.roster;
