/**
 * The organisation tree: one document per organisation with its names and parents over time, its lifetime and its
 * links to the organisations it came from and went into, so the tree on any past date is computed from them.
 */
package vn.partyledger.query.tree;
