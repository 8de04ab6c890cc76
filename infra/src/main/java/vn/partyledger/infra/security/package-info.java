/** Who is calling: configured users (HTTP Basic) or a JWT issuer, mapped to the Actor recorded on every event. */
package vn.partyledger.infra.security;
