/**
 * The write model: aggregates guard the rules of docs/rules.md and apply events; event-sourcing handlers only assign state.
 * A package per subject ({@code member}, {@code organisation}, {@code transfer}) and one for the processes that change
 * several records at once ({@code process}); no package cycles (ADR 0020). No Spring here: the application registers
 * these aggregates and processes with Axon.
 */
package vn.partyledger.command;
