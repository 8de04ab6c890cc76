package vn.partyledger.infra.person;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import vn.partyledger.domain.person.PersonalDataCorrectionReason;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The person register's collections. {@code person_register} holds one document per person ({@code _id} = personId)
 * with the person's data key, wrapped, and every version of the entry ever written, each the changed fields encrypted
 * with that key under a random version id. Which versions are part of the entry is the log's to say
 * ({@link PersonEntryVersions}): a version is written first, then the command whose event names it, so a version whose
 * event never landed is simply never read. {@code national_id_claims} keeps each national ID, by its keyed hash, to one
 * person. Nothing personal is stored in plain text. Reads are {@code _id} look-ups, writes single-document, as the
 * embedded server needs (DESIGN.md).
 */
public class PersonRegisterStore {

    static final String COLLECTION = "person_register";
    static final String CLAIMS = "national_id_claims";
    /**
     * How long a national ID claimed by a registration the log has not (yet) acknowledged stays claimed: far longer
     * than a command takes from its register write to its append, retries included (five attempts, each bounded by the
     * event store's append time limit), so a registration still under way is never overtaken; after it, a claim left
     * by a registration that never reached the log no longer blocks the national ID.
     */
    static final Duration UNACKNOWLEDGED_CLAIM_WINDOW = Duration.ofMinutes(10);
    private static final String REGISTRATION = "REGISTRATION";
    static final String ERASURE_PENDING = "erasurePending";

    private final MongoCollection<Document> register;
    private final MongoCollection<Document> claims;
    private final PersonEntryVersions entries;
    private final KeyWrapper keys;
    private final KeyedHash nationalIds;
    private final PersonDataKeys dataKeys;
    private final ObjectMapper json;
    private final Clock clock;

    public PersonRegisterStore(MongoDatabase database, PersonEntryVersions entries, KeyWrapper keys,
                               PersonDataKeys dataKeys, KeyedHash nationalIds, ObjectMapper json, Clock clock) {
        this.register = database.getCollection(COLLECTION);
        this.claims = database.getCollection(CLAIMS);
        this.entries = entries;
        this.keys = keys;
        this.dataKeys = dataKeys;
        this.nationalIds = nationalIds;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Writes the version a registration will name, after claiming the national ID; returns the version id for the
     * command. A person the log already knows is refused.
     */
    public String register(String personId, PersonalData data, String recordedBy) {
        if (entries.of(personId).known()) {
            throw PersonRegisterRefusal.alreadyRegistered(personId);
        }
        String nationalIdHash = nationalIds.of(data.nationalId());
        claim(nationalIdHash, personId);
        try {
            register.insertOne(new Document("_id", personId).append("dataKey", new Binary(keys.wrap(Aead.newKey())))
                    .append("versions", List.of()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return addVersion(personId, data, REGISTRATION, null, recordedBy, nationalIdHash);
    }

    /**
     * Registrations of many persons at once, none known to the log (an import's batch, ADR 0024): the same writes as
     * {@link #register} — claims first, then each entry with its first version — in two bulk writes for the batch
     * instead of three writes per person. A claim or an entry that meets one already there goes the single way, which
     * decides it. Returns each person's version id, for the commands that will name them.
     */
    public Map<String, String> registerAll(Map<String, PersonalData> persons, String recordedBy) {
        Map<String, String> hashes = new LinkedHashMap<>();
        persons.forEach((personId, data) -> hashes.put(personId, nationalIds.of(data.nationalId())));
        List<Document> claimed = new ArrayList<>();
        Date now = Date.from(clock.instant());
        hashes.forEach((personId, hash) -> claimed.add(new Document("_id", hash).append("personId", personId)
                .append("claimedAt", now)));
        for (int taken : duplicatesOf(claims, claimed)) {
            claim(claimed.get(taken).getString("_id"), claimed.get(taken).getString("personId"));
        }
        Map<String, String> versionIds = new LinkedHashMap<>();
        List<Document> entries = new ArrayList<>();
        persons.forEach((personId, data) -> {
            byte[] dataKey = Aead.newKey();
            Document version = version(personId, dataKey, data, REGISTRATION, null, recordedBy, hashes.get(personId));
            versionIds.put(personId, version.getString("id"));
            entries.add(new Document("_id", personId).append("dataKey", new Binary(keys.wrap(dataKey)))
                    .append("versions", List.of(version)));
        });
        for (int existing : duplicatesOf(register, entries)) {
            String personId = entries.get(existing).getString("_id");
            versionIds.put(personId, addVersion(personId, persons.get(personId), REGISTRATION, null, recordedBy,
                    hashes.get(personId)));
        }
        return versionIds;
    }

    /** Inserts the documents, unordered; the indexes of those whose id was taken already. */
    private static List<Integer> duplicatesOf(MongoCollection<Document> collection, List<Document> documents) {
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
            return List.of();
        } catch (MongoBulkWriteException e) {
            List<Integer> duplicates = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                duplicates.add(error.getIndex());
            }
            return duplicates;
        }
    }

    /** Writes the version a correction will name; returns its id. A changed national ID is claimed first. */
    public String correct(String personId, PersonalData changes, PersonalDataCorrectionReason reason,
                          LocalDate effectiveDate, String recordedBy) {
        PersonEntryVersions.LoggedEntry logged = entries.of(personId);
        if (!logged.known()) {
            throw PersonRegisterRefusal.notRegistered(personId);
        }
        if (logged.erased()) {
            throw PersonRegisterRefusal.erased(personId);
        }
        String nationalIdHash = changes.nationalId() != null ? nationalIds.of(changes.nationalId()) : null;
        if (nationalIdHash != null) {
            claim(nationalIdHash, personId);
        }
        return addVersion(personId, changes, reason.name(), reason.restatesThePast() ? null : effectiveDate,
                recordedBy, nationalIdHash);
    }

    /**
     * The entry as it stood on a business date: the registration and the corrections that restate the past, and the
     * changes of circumstances effective by then, in the order the log recorded them. Empty for a person the log does
     * not know, and for an erased one ({@link #erased}), whose key is destroyed here if it was not yet.
     */
    public Optional<PersonalData> asOf(String personId, LocalDate date) {
        return asOf(personId, date, Instant.MAX);
    }

    /**
     * The entry as {@link #asOf(String, LocalDate)} reads it, from the versions the log had recorded by
     * {@code knownAt} only; an erasure counts whenever it was recorded, since the key is gone.
     */
    public Optional<PersonalData> asOf(String personId, LocalDate date, Instant knownAt) {
        PersonEntryVersions.LoggedEntry logged = entries.of(personId, knownAt);
        if (logged.erased()) {
            shred(personId);
            return Optional.empty();
        }
        return dataOn(personId, logged, register.find(Filters.eq("_id", personId)).first(), date);
    }

    /**
     * The entries of many persons as {@link #asOf(String, LocalDate)} reads each, for counts over a roster: the log's
     * word on every entry checked at once (ADR 0054), then the register's entries in one read. Persons not in the
     * register, or erased, are left out.
     */
    public Map<String, PersonalData> asOfAll(Collection<String> personIds, LocalDate date) {
        Map<String, PersonEntryVersions.LoggedEntry> logged = entries.ofAll(personIds);
        List<String> readable = new ArrayList<>();
        logged.forEach((personId, entry) -> {
            if (entry.erased()) {
                shred(personId);
            } else if (entry.known()) {
                readable.add(personId);
            }
        });
        Map<String, PersonalData> data = new HashMap<>();
        for (Document stored : register.find(Filters.in("_id", readable))) {
            String personId = stored.getString("_id");
            dataOn(personId, logged.get(personId), stored, date).ifPresent(found -> data.put(personId, found));
        }
        return data;
    }

    /** The entry on the date from the versions the log names of it, in the log's order. */
    private Optional<PersonalData> dataOn(String personId, PersonEntryVersions.LoggedEntry logged, Document stored,
                                          LocalDate date) {
        List<String> named = logged.versions();
        if (named.isEmpty() || stored == null) {
            return Optional.empty();
        }
        byte[] dataKey = keys.unwrap(stored.get("dataKey", Binary.class).getData());
        Map<String, Document> versions = versions(stored);
        PersonalData data = PersonalData.empty();
        for (String id : named) {
            Document version = versions.get(id);
            String effectiveFrom = version.getString("effectiveFrom");
            if (effectiveFrom == null || !LocalDate.parse(effectiveFrom).isAfter(date)) {
                data = data.overlaidWith(decrypt(personId, version, dataKey));
            }
        }
        return Optional.of(data);
    }

    /** Whether the log knows the person: a registration reached it. */
    public boolean registered(String personId) {
        return entries.of(personId).known();
    }

    /** Whether the register holds an entry for any of the persons (one query, for a batch). */
    public boolean holdsAnyOf(Collection<String> personIds) {
        return register.find(Filters.in("_id", personIds)).projection(Projections.include("_id")).first() != null;
    }

    /** Whether the log holds an executed erasure of the person. */
    public boolean erased(String personId) {
        return entries.of(personId).erased();
    }

    /** The latest erasure decision the log holds for the person (executed or refused), if any. */
    public Optional<Object> erasureDecision(String personId) {
        return entries.of(personId).erasure();
    }

    /**
     * Crypto-shredding (domain.md §15.2 rule 2): the person's wrapped data key and every encrypted version go, and the
     * national IDs the person held are freed. Idempotent; called once the log holds the executed erasure, and again by
     * any read that finds the key still there.
     */
    public void shred(String personId) {
        dataKeys.forget(personId);
        register.updateOne(Filters.eq("_id", personId), Updates.combine(Updates.unset("dataKey"),
                Updates.set("versions", List.of()), Updates.unset(ERASURE_PENDING)));
        claims.deleteMany(Filters.eq("personId", personId));
    }

    /**
     * Marks an erasure request on its way to the log, so that a process dying after the log holds the execution but
     * before the key is destroyed leaves a mark {@link #completePendingErasures} finds.
     */
    public void erasurePending(String personId) {
        register.updateOne(Filters.eq("_id", personId), Updates.set(ERASURE_PENDING, Date.from(clock.instant())));
    }

    /** The log refused the erasure, or never got it: the mark goes, the key stays. */
    public void erasureSettled(String personId) {
        register.updateOne(Filters.eq("_id", personId), Updates.unset(ERASURE_PENDING));
    }

    /**
     * Finishes the erasures a stopped process left marked: the log decides, for each, whether the key is destroyed
     * (an executed erasure) or the mark simply goes. Returns how many keys were destroyed.
     */
    public int completePendingErasures() {
        int shredded = 0;
        for (Document marked : register.find(Filters.exists(ERASURE_PENDING))) {
            String personId = marked.getString("_id");
            if (erased(personId)) {
                shred(personId);
                shredded++;
            } else {
                erasureSettled(personId);
            }
        }
        return shredded;
    }

    /**
     * Keeps the national ID to this person. Another person's claim stands while that person's entry, as the log
     * names it, holds this national ID, or while the claim is recent enough that its registration may still land.
     */
    private void claim(String nationalIdHash, String personId) {
        Instant now = clock.instant();
        try {
            claims.insertOne(new Document("_id", nationalIdHash).append("personId", personId)
                    .append("claimedAt", Date.from(now)));
            return;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document holder = claims.find(Filters.eq("_id", nationalIdHash)).first();
        if (holder == null || personId.equals(holder.getString("personId"))) {
            return;
        }
        boolean recent = holder.getDate("claimedAt").toInstant().plus(UNACKNOWLEDGED_CLAIM_WINDOW).isAfter(now);
        if (recent || nationalIdHash.equals(nationalIdHashOfEntry(holder.getString("personId")))) {
            throw PersonRegisterRefusal.nationalIdAlreadyRegistered();
        }
        long taken = claims.replaceOne(Filters.and(Filters.eq("_id", nationalIdHash),
                        Filters.eq("personId", holder.getString("personId")),
                        Filters.eq("claimedAt", holder.getDate("claimedAt"))),
                new Document("_id", nationalIdHash).append("personId", personId).append("claimedAt", Date.from(now)))
                .getModifiedCount();
        if (taken == 0) {
            throw PersonRegisterRefusal.nationalIdAlreadyRegistered();
        }
    }

    /** The keyed hash of the national ID the person's entry holds now, as the log names its versions; or null. */
    private String nationalIdHashOfEntry(String personId) {
        Document stored = register.find(Filters.eq("_id", personId)).first();
        if (stored == null) {
            return null;
        }
        Map<String, Document> versions = versions(stored);
        String current = null;
        for (String id : entries.of(personId).versions()) {
            Document version = versions.get(id);
            String hash = version != null ? version.getString("nationalIdHash") : null;
            current = hash != null ? hash : current;
        }
        return current;
    }

    private String addVersion(String personId, PersonalData data, String reason, LocalDate effectiveFrom,
                              String recordedBy, String nationalIdHash) {
        Document stored = register.find(Filters.eq("_id", personId)).first();
        Binary wrapped = stored.get("dataKey", Binary.class);
        if (wrapped == null) {
            // an erasure executed between this write's check and now: the key is gone, and so is the entry
            throw PersonRegisterRefusal.erased(personId);
        }
        Document version = version(personId, keys.unwrap(wrapped.getData()), data, reason, effectiveFrom, recordedBy,
                nationalIdHash);
        register.updateOne(Filters.eq("_id", personId), Updates.push("versions", version));
        return version.getString("id");
    }

    /** A version of the entry under a random id: what changed and why in clear, the values encrypted. */
    private Document version(String personId, byte[] dataKey, PersonalData data, String reason,
                             LocalDate effectiveFrom, String recordedBy, String nationalIdHash) {
        String id = UUID.randomUUID().toString();
        List<String> fields = new ArrayList<>();
        data.fields().forEach(field -> fields.add(field.name()));
        return new Document("id", id)
                .append("recordedAt", Date.from(clock.instant()))
                .append("recordedBy", recordedBy)
                .append("reason", reason)
                .append("effectiveFrom", effectiveFrom != null ? effectiveFrom.toString() : null)
                .append("fields", fields)
                .append("nationalIdHash", nationalIdHash)
                .append("data", new Binary(Aead.encrypt(dataKey, serialise(data), boundTo(personId, id))));
    }

    private static Map<String, Document> versions(Document stored) {
        Map<String, Document> versions = new HashMap<>();
        stored.getList("versions", Document.class).forEach(version -> versions.put(version.getString("id"), version));
        return versions;
    }

    private PersonalData decrypt(String personId, Document version, byte[] dataKey) {
        byte[] plain = Aead.decrypt(dataKey, version.get("data", Binary.class).getData(),
                boundTo(personId, version.getString("id")));
        try {
            return json.readValue(plain, PersonalData.class);
        } catch (IOException e) {
            throw new PersonalDataUnreadable("a decrypted version is not an entry", e);
        }
    }

    private byte[] serialise(PersonalData data) {
        try {
            return json.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an entry", e);
        }
    }

    /** The associated data of a version: a ciphertext moved to another person or version does not open. */
    private static byte[] boundTo(String personId, String version) {
        return (personId + "#" + version).getBytes(StandardCharsets.UTF_8);
    }
}
