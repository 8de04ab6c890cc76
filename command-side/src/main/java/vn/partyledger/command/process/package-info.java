/**
 * Processes: each decision that writes more than one record (a member and an organisation's roll, a transfer case and
 * its member, organisations and every member they move) is a command handler here, which loads the records through
 * {@link vn.partyledger.command.process.Records} in the command's one unit of work, lets each check its own rules, and
 * appends everything together or nothing (ADR 0004, ADR 0020). The aggregates' packages never depend on this one.
 */
package vn.partyledger.command.process;
