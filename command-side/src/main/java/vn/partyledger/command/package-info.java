/**
 * The write model: aggregates guard the rules of docs/rules.md and apply events; event-sourcing handlers only assign state.
 * No Spring here: the application registers these aggregates with Axon.
 */
package vn.partyledger.command;
