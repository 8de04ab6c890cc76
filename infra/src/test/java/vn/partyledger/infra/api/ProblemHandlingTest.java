package vn.partyledger.infra.api;

import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.partyledger.infra.person.PersonRegisterRefusal;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlingTest {

    @Test
    void aRefusalWrappedByTheSerializerIsAnsweredAsTheRefusalNotAsAnInternalError() {
        SerializationException wrapped = new SerializationException("the event could not be serialized",
                new IllegalStateException("sealing failed", PersonRegisterRefusal.erased("p1")));

        ResponseEntity<ProblemDetail> answer = new ProblemHandling().unexpected(wrapped);

        assertThat(answer.getStatusCode().value()).isEqualTo(410);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "ERASED");
    }

    @Test
    void aQueryStoppedAtItsTimeLimitIsA503ToTryAgainNotAnInternalError() {
        CompletionException stopped = new CompletionException(new AxonTimeoutException(
                "Message [FindMembershipStatistics] for handler [MembershipOnDateQueries] has timed out."));

        ResponseEntity<ProblemDetail> answer = new ProblemHandling().unexpected(stopped);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "TIMED_OUT");
    }

    @Test
    void anythingElseIsStillAnInternalError() {
        ResponseEntity<ProblemDetail> answer = new ProblemHandling().unexpected(new IllegalStateException("boom"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
    }
}
