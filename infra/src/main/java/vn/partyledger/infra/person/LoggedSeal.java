package vn.partyledger.infra.person;

import com.fasterxml.jackson.databind.JavaType;
import vn.partyledger.domain.shared.Sensitive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * A sensitive fact as the log keeps it: ciphertext under the person's data key, opened each time it is read, so a
 * fact read before an erasure cannot be read after it.
 */
final class LoggedSeal<T> implements Sensitive.Seal<T> {

    private final String personId;
    private final byte[] ciphertext;
    private final JavaType valueType;
    private final PersonDataKeys keys;

    LoggedSeal(String personId, byte[] ciphertext, JavaType valueType, PersonDataKeys keys) {
        this.personId = personId;
        this.ciphertext = ciphertext.clone();
        this.valueType = valueType;
        this.keys = keys;
    }

    byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public Optional<T> open() {
        return keys.toOpen(personId).map(key -> {
            try {
                return SealedFacts.FACT_JSON.readValue(Aead.decrypt(key, ciphertext, SealedFacts.boundTo(personId)),
                        valueType);
            } catch (IOException e) {
                throw new UncheckedIOException("a sealed fact of " + personId + " opened to unreadable JSON", e);
            }
        });
    }
}
