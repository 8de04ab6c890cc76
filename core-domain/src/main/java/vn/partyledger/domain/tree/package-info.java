/** Queries about the organisation tree as it stood on any date, with the links across merges and splits. */
package vn.partyledger.domain.tree;
