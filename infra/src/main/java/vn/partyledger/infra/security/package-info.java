/**
 * Who is calling and what they may do: configured users (HTTP Basic) or a JWT issuer, mapped to the Actor recorded on
 * every event; least privilege by role and organisation subtree, checked on the command and query buses against the
 * one {@link vn.partyledger.infra.security.PermissionTable} (ADR 0021, docs/permissions.md).
 */
package vn.partyledger.infra.security;
