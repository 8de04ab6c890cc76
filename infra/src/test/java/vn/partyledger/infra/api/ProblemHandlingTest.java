package vn.partyledger.infra.api;

import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import vn.partyledger.infra.person.PersonRegisterRefusal;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlingTest {

    @Test
    void aRefusalWrappedByTheSerializerIsAnsweredAsTheRefusalNotAsAnInternalError() {
        SerializationException wrapped = new SerializationException("the event could not be serialized",
                new IllegalStateException("sealing failed", PersonRegisterRefusal.erased("p1")));

        ProblemDetail answer = new ProblemHandling().unexpected(wrapped);

        assertThat(answer.getStatus()).isEqualTo(410);
        assertThat(answer.getProperties()).containsEntry("code", "ERASED");
    }

    @Test
    void anythingElseIsStillAnInternalError() {
        ProblemDetail answer = new ProblemHandling().unexpected(new IllegalStateException("boom"));

        assertThat(answer.getStatus()).isEqualTo(500);
    }
}
