package vn.partyledger.infra.person;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.domain.person.ErasurePolicy;
import vn.partyledger.infra.config.PartyLedgerProperties;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;

import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The register's keys. The master key comes from {@code partyledger.privacy.master-key} (base64, 256 bits). Without
 * one the service starts only on its embedded database, with a published local-only key, and says so loudly; with an
 * external database it refuses to start, so real records are never kept under a key everybody knows.
 */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

    /** Ho Chi Minh City has about 366,000 members; each entry kept is its version ids, a few hundred bytes. */
    private static final int ENTRIES_KEPT = 400_000;

    /** LOCAL ONLY — public in this repository: for a developer machine on the embedded database, never real data. */
    static final String LOCAL_ONLY_MASTER_KEY = "bG9jYWwtb25seS1tYXN0ZXIta2V5LW5vdC1zZWNyZXQ=";

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyConfiguration.class);

    @Bean
    public MasterKeyWrapper keyWrapper(@Value("${partyledger.privacy.master-key:}") String masterKey,
                                       PartyLedgerProperties properties) {
        return new MasterKeyWrapper(masterKey(masterKey, properties.mongodb().external()));
    }

    /** The national-ID index key is derived from the master key, so one secret is configured. */
    @Bean
    public KeyedHash nationalIdHash(@Value("${partyledger.privacy.master-key:}") String masterKey,
                                    PartyLedgerProperties properties) {
        byte[] master = masterKey(masterKey, properties.mongodb().external());
        return new KeyedHash(new KeyedHash(master).of("partyledger national-id index v1")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The register's entries as the log names them; for counts over many persons the log's word on each entry is kept
     * and checked against the log in one read for a whole roster (ADR 0054): at most a province's members.
     */
    @Bean
    public PersonRegisterStore personRegisterStore(MongoDatabase database, EventStore eventStore,
                                                   MongoEventStorageEngine log, KeyWrapper keyWrapper,
                                                   PersonDataKeys dataKeys, KeyedHash nationalIdHash,
                                                   ObjectMapper objectMapper, Clock clock) {
        return new PersonRegisterStore(database, new PersonEntryVersions(eventStore, log::withEventsAfter,
                log::readStreams, ENTRIES_KEPT), keyWrapper, dataKeys, nationalIdHash, objectMapper, clock);
    }

    /** The log is looked up on first use: the log's serializer seals with these keys, so it is built after them. */
    @Bean
    public PersonDataKeys personDataKeys(MongoDatabase database, KeyWrapper keyWrapper,
                                         ObjectProvider<EventStore> eventStore, Clock clock) {
        return new PersonDataKeys(database, keyWrapper, () -> new PersonEntryVersions(eventStore.getObject()), clock);
    }

    /** Sealing of the sensitive facts events carry (ADR 0023), for the serializers of the log. */
    @Bean
    public SealedFacts sealedFacts(PersonDataKeys personDataKeys) {
        return new SealedFacts(personDataKeys);
    }

    /**
     * At start-up, before any request: an erasure the log executed while a stopped process had not yet destroyed the
     * key is finished now, not whenever the person is next read.
     */
    @Bean
    public ApplicationRunner pendingErasures(PersonRegisterStore store) {
        return arguments -> {
            int shredded = store.completePendingErasures();
            if (shredded > 0) {
                LOG.info("Destroyed the data keys of {} erased persons a stopped process had left", shredded);
            }
        };
    }

    /** {@code RETENTION_AFTER_EXIT_YEARS} [U]: empty keeps a former member's record for good, pending the ruling. */
    @Bean
    public ErasurePolicy erasurePolicy(@Value("${partyledger.rules.privacy.retention-after-exit-years:}") String years) {
        return new ErasurePolicy(years == null || years.isBlank() ? Optional.empty()
                : Optional.of(Integer.parseInt(years.trim())));
    }

    /** One window for the rules (PersonRegister) and the statistics (PersonProfiles). */
    @Bean
    public VaultPersonRegister personRegister(PersonRegisterStore store) {
        return new VaultPersonRegister(store);
    }

    static byte[] masterKey(String configured, boolean externalDatabase) {
        if (configured == null || configured.isBlank()) {
            if (externalDatabase) {
                throw new IllegalStateException("partyledger.privacy.master-key is not set: the person register "
                        + "will not encrypt real records under the local-only key. Set a base64 256-bit key.");
            }
            LOG.warn("partyledger.privacy.master-key is not set: the person register uses the LOCAL-ONLY key "
                    + "published in the source. Fine on a developer machine; never for real personal data.");
            return Base64.getDecoder().decode(LOCAL_ONLY_MASTER_KEY);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("partyledger.privacy.master-key is not base64", e);
        }
        if (key.length != Aead.KEY_BYTES) {
            throw new IllegalStateException("partyledger.privacy.master-key must be 256 bits (32 bytes), not "
                    + key.length + " bytes");
        }
        return key;
    }
}
