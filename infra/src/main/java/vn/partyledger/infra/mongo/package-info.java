/**
 * MongoDB access for the whole application: one {@code MongoClient} and {@code MongoDatabase}, pointed at
 * {@code partyledger.mongodb.uri} or, when that is empty, at an embedded MongoDB-wire server (mongo-java-server on an
 * H2 MVStore file under the data dir) bound to 127.0.0.1. See docs/adr/0003-embedded-servers.md.
 */
package vn.partyledger.infra.mongo;
