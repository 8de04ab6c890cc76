/** Organisations of the Party: the tree of branches and committees over time, with their kinds, flags and decisions. */
package vn.partyledger.domain.organisation;
