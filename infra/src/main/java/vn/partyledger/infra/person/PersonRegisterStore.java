package vn.partyledger.infra.person;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import vn.partyledger.domain.person.PersonalDataCorrectionReason;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The person register's collection: one document per person ({@code _id} = personId) holding the person's data key,
 * wrapped, and every version of the entry, each the changed fields encrypted with that key. Nothing personal is
 * stored in plain text; the national ID is found by its keyed hash under a unique index. Reads are {@code _id}
 * lookups, writes single-document, as the embedded server needs (DESIGN.md).
 */
public class PersonRegisterStore {

    static final String COLLECTION = "person_register";
    private static final String NATIONAL_ID = "nationalIdHash";
    private static final String REGISTRATION = "REGISTRATION";

    private final MongoCollection<Document> register;
    private final KeyWrapper keys;
    private final KeyedHash nationalIds;
    private final ObjectMapper json;
    private final Clock clock;

    public PersonRegisterStore(MongoDatabase database, KeyWrapper keys, KeyedHash nationalIds, ObjectMapper json,
                               Clock clock) {
        this.register = database.getCollection(COLLECTION);
        this.register.createIndex(Indexes.ascending(NATIONAL_ID), new IndexOptions().unique(true));
        this.keys = keys;
        this.nationalIds = nationalIds;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Enters a person. Returns false when the same registration was stored before (a retry after its event was not
     * written): the stored entry stands and the caller completes the registration.
     */
    public boolean register(String personId, PersonalData data, String recordedBy) {
        byte[] dataKey = Aead.newKey();
        String nationalIdHash = nationalIds.of(data.nationalId());
        Document entry = new Document("_id", personId)
                .append(NATIONAL_ID, nationalIdHash)
                .append("dataKey", new Binary(keys.wrap(dataKey)))
                .append("versionCount", 1)
                .append("versions", List.of(version(personId, 0, dataKey, data, REGISTRATION, null, recordedBy)));
        try {
            register.insertOne(entry);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document stored = register.find(Filters.eq("_id", personId)).first();
            if (stored == null) {
                throw PersonRegisterRefusal.nationalIdAlreadyRegistered();
            }
            if (nationalIdHash.equals(stored.getString(NATIONAL_ID)) && stored.getInteger("versionCount") == 1) {
                return false;
            }
            throw PersonRegisterRefusal.alreadyRegistered(personId);
        }
    }

    /** Removes an entry whose registration the log refused, so it blocks no national ID. */
    public void withdrawRegistration(String personId) {
        register.deleteOne(Filters.and(Filters.eq("_id", personId), Filters.eq("versionCount", 1)));
    }

    /** Adds a version holding the changed fields; returns its number. */
    public int correct(String personId, PersonalData changes, PersonalDataCorrectionReason reason,
                       LocalDate effectiveDate, String recordedBy) {
        Document stored = entry(personId);
        int count = stored.getInteger("versionCount");
        byte[] dataKey = keys.unwrap(stored.get("dataKey", Binary.class).getData());
        Document version = version(personId, count, dataKey, changes, reason.name(),
                reason.restatesThePast() ? null : effectiveDate, recordedBy);
        String nationalIdHash = changes.nationalId() != null ? nationalIds.of(changes.nationalId())
                : stored.getString(NATIONAL_ID);
        try {
            long matched = register.updateOne(
                    Filters.and(Filters.eq("_id", personId), Filters.eq("versionCount", count)),
                    Updates.combine(Updates.push("versions", version), Updates.set(NATIONAL_ID, nationalIdHash),
                            Updates.set("versionCount", count + 1))).getMatchedCount();
            if (matched == 0) {
                throw PersonRegisterRefusal.concurrentCorrection(personId);
            }
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw PersonRegisterRefusal.nationalIdAlreadyRegistered();
            }
            throw e;
        }
        return count;
    }

    /** Takes back a version whose correction the log refused. */
    public void withdrawCorrection(String personId, int version, String previousNationalIdHash) {
        register.updateOne(Filters.and(Filters.eq("_id", personId), Filters.eq("versionCount", version + 1)),
                Updates.combine(Updates.pull("versions", new Document("n", version)),
                        Updates.set(NATIONAL_ID, previousNationalIdHash), Updates.set("versionCount", version)));
    }

    /** The keyed hash of the national ID the entry holds now, to restore if a correction is taken back. */
    public String nationalIdHash(String personId) {
        return entry(personId).getString(NATIONAL_ID);
    }

    /**
     * The entry as it stood on a business date: the registration and the corrections that restate the past, and the
     * changes of circumstances effective by then, in the order they were recorded.
     */
    public Optional<PersonalData> asOf(String personId, LocalDate date) {
        Document stored = register.find(Filters.eq("_id", personId)).first();
        if (stored == null) {
            return Optional.empty();
        }
        byte[] dataKey = keys.unwrap(stored.get("dataKey", Binary.class).getData());
        PersonalData data = PersonalData.empty();
        for (Document version : stored.getList("versions", Document.class)) {
            String effectiveFrom = version.getString("effectiveFrom");
            if (effectiveFrom == null || !LocalDate.parse(effectiveFrom).isAfter(date)) {
                data = data.overlaidWith(decrypt(personId, version, dataKey));
            }
        }
        return Optional.of(data);
    }

    private Document entry(String personId) {
        Document stored = register.find(Filters.eq("_id", personId)).first();
        if (stored == null) {
            throw PersonRegisterRefusal.notRegistered(personId);
        }
        return stored;
    }

    private Document version(String personId, int number, byte[] dataKey, PersonalData data, String reason,
                             LocalDate effectiveFrom, String recordedBy) {
        List<String> fields = new ArrayList<>();
        data.fields().forEach(field -> fields.add(field.name()));
        return new Document("n", number)
                .append("recordedAt", Date.from(clock.instant()))
                .append("recordedBy", recordedBy)
                .append("reason", reason)
                .append("effectiveFrom", effectiveFrom != null ? effectiveFrom.toString() : null)
                .append("fields", fields)
                .append("data", new Binary(Aead.encrypt(dataKey, serialise(data), boundTo(personId, number))));
    }

    private PersonalData decrypt(String personId, Document version, byte[] dataKey) {
        byte[] plain = Aead.decrypt(dataKey, version.get("data", Binary.class).getData(),
                boundTo(personId, version.getInteger("n")));
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
    private static byte[] boundTo(String personId, int version) {
        return (personId + "#" + version).getBytes(StandardCharsets.UTF_8);
    }
}
