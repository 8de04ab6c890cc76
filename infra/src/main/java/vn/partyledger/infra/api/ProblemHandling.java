package vn.partyledger.infra.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.infra.audit.AccessNotRecorded;
import vn.partyledger.infra.checkpoint.ProofNotAvailable;
import vn.partyledger.infra.checkpoint.UnknownVerification;
import vn.partyledger.infra.checkpoint.VerificationRunning;
import vn.partyledger.infra.export.HistoryNotFound;
import vn.partyledger.infra.integration.inbound.DeadLetter;
import vn.partyledger.infra.security.AccessRefused;
import vn.partyledger.infra.eventstore.AppendOutcomeUnknownException;
import vn.partyledger.infra.person.PersonRegisterRefusal;
import vn.partyledger.infra.rebuild.RebuildRunning;
import vn.partyledger.infra.rebuild.UnknownProjection;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every refusal as RFC 9457 problem+json with a stable {@code code}: bad input is 400 naming the field, a broken
 * domain rule 422 naming the invariant, a stale If-Match 412, a race or duplicate 409. Only a fault of ours is a 500.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolated(RuleViolation violation) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Refused by rule " + violation.code(),
                violation.getMessage(), violation.code());
        problem.setProperty("rule", violation.rule());
        return problem;
    }

    /** Least privilege (ADR 0021): the code says whether the role, the scope or the access's end refused it. */
    @ExceptionHandler(AccessRefused.class)
    ProblemDetail accessRefused(AccessRefused refused) {
        return problem(HttpStatus.FORBIDDEN, "Not permitted", refused.getMessage(), refused.code());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException e) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "Stale version",
                "The record has changed since the version given in If-Match: it is now at version "
                        + e.getActualVersion() + ". Read it again and decide on the current state.",
                "STALE_VERSION");
        problem.setProperty("currentVersion", e.getActualVersion());
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentWrite(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "Conflicting write",
                "Another decision was recorded for this record at the same moment, or a record with this id already "
                        + "exists. Nothing of this request was written; read the record and retry if still needed.",
                "CONCURRENT_MODIFICATION");
    }

    /** What is left when every attempt of {@link TransientFailureRetry} met other decisions on the same records. */
    @ExceptionHandler(LockAcquisitionFailedException.class)
    ProblemDetail recordsBusy(LockAcquisitionFailedException e) {
        return problem(HttpStatus.CONFLICT, "Records busy",
                "Other decisions were being recorded for the same records and this one could not wait for them. "
                        + "Nothing of this request was written; send it again.", "CONCURRENT_MODIFICATION");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail alreadyExists(AggregateStreamCreationException e) {
        return problem(HttpStatus.CONFLICT, "Already exists",
                "A record with this id already exists; nothing of this request was written. Choose another id, or "
                        + "send a command to the existing record.", "ALREADY_EXISTS");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No such record",
                "There is no record with id " + e.getAggregateIdentifier() + ".", "NOT_FOUND");
    }

    /** Personal data is given out only with its read on record (ADR 0021): nothing was revealed. */
    @ExceptionHandler(AccessNotRecorded.class)
    ProblemDetail accessNotRecorded(AccessNotRecorded e) {
        log.warn("A read of personal data could not be recorded: {}", e.getCause().getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Read not recorded", e.getMessage(), "ACCESS_NOT_RECORDED");
    }

    /** A read asked for a position its projection has not reached yet: nothing is wrong, only early. */
    @ExceptionHandler(ProjectionProgress.ProjectionBehind.class)
    ResponseEntity<ProblemDetail> projectionBehind(ProjectionProgress.ProjectionBehind e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Projection behind", e.getMessage(),
                        "PROJECTION_BEHIND"));
    }

    @ExceptionHandler(IdempotencyConflict.class)
    ProblemDetail idempotencyConflict(IdempotencyConflict e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key cannot be honoured", e.getMessage(),
                e.code());
    }

    /** Neither acknowledged nor refused: only a retry under the same Idempotency-Key can tell the client which. */
    @ExceptionHandler(AppendOutcomeUnknownException.class)
    ProblemDetail outcomeUnknown(AppendOutcomeUnknownException e) {
        log.warn("Outcome of an append unknown: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Outcome unknown",
                "The event store could not be reached to confirm whether this decision was recorded. Send the same "
                        + "request again with the same Idempotency-Key: it is answered with the first outcome if it "
                        + "was recorded, and recorded once if it was not.", "OUTCOME_UNKNOWN");
    }

    @ExceptionHandler(EventStoreException.class)
    ProblemDetail storeUnavailable(EventStoreException e) {
        log.warn("Event store failure", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Event store unavailable",
                "The event store failed; nothing of this request was recorded. Try again shortly.",
                "STORE_UNAVAILABLE");
    }

    @ExceptionHandler(RequestContextResolver.BadHeader.class)
    ProblemDetail badHeader(RequestContextResolver.BadHeader e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid header", e.getMessage(), "INVALID_HEADER");
        problem.setProperty("errors", List.of(Map.of("field", e.header(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(PersonRegisterRefusal.class)
    ProblemDetail personRegisterRefusal(PersonRegisterRefusal e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        return problem(status, status.getReasonPhrase(), e.getMessage(), e.code());
    }

    @ExceptionHandler(OrganisationNotInTree.class)
    ProblemDetail organisationNotInTree(OrganisationNotInTree e) {
        return problem(HttpStatus.NOT_FOUND, "No such organisation", e.getMessage(), "NOT_FOUND");
    }

    @ExceptionHandler(UnknownProjection.class)
    ProblemDetail unknownProjection(UnknownProjection e) {
        return problem(HttpStatus.NOT_FOUND, "No such projection", e.getMessage(), "UNKNOWN_PROJECTION");
    }

    /** One rebuild of a projection at a time (ADR 0037): the running one goes on. */
    @ExceptionHandler(RebuildRunning.class)
    ProblemDetail rebuildRunning(RebuildRunning e) {
        return problem(HttpStatus.CONFLICT, "Rebuild running", e.getMessage(), "REBUILD_RUNNING");
    }

    @ExceptionHandler(RosterNotFound.class)
    ProblemDetail rosterNotFound(RosterNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "No such branch", e.getMessage(), "NOT_FOUND");
    }

    @ExceptionHandler(DeadLetterNotFound.class)
    ProblemDetail deadLetterNotFound(DeadLetterNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "No such dead letter", e.getMessage(), "NOT_FOUND");
    }

    /** A retried dead letter still refused (ADR 0045): the kind of fault, and the rule when one refused it. */
    @ExceptionHandler(DeadLetter.class)
    ProblemDetail stillRefused(DeadLetter e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Still not applicable", e.getMessage(),
                e.code() != null ? e.code() : e.kind().name());
        problem.setProperty("kind", e.kind().name());
        if (e.rule() != null) {
            problem.setProperty("rule", e.rule());
        }
        return problem;
    }

    @ExceptionHandler(MemberNotFound.class)
    ProblemDetail memberNotFound(MemberNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "No such member", e.getMessage(), "NOT_FOUND");
    }

    /** One whole-log verification at a time: the running one goes on. */
    @ExceptionHandler(VerificationRunning.class)
    ProblemDetail verificationRunning(VerificationRunning e) {
        return problem(HttpStatus.CONFLICT, "Verification running", e.getMessage(), "VERIFICATION_RUNNING");
    }

    @ExceptionHandler(UnknownVerification.class)
    ProblemDetail unknownVerification(UnknownVerification e) {
        return problem(HttpStatus.NOT_FOUND, "No such verification", e.getMessage(), "NOT_FOUND");
    }

    @ExceptionHandler(HistoryNotFound.class)
    ProblemDetail historyNotFound(HistoryNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "No such record", e.getMessage(), "NOT_FOUND");
    }

    @ExceptionHandler(ProofNotAvailable.class)
    ProblemDetail proofNotAvailable(ProofNotAvailable e) {
        return problem(HttpStatus.NOT_FOUND, "No such proof", e.getMessage(), "NOT_FOUND");
    }

    @ExceptionHandler(InvalidQueryParameter.class)
    ProblemDetail invalidQueryParameter(InvalidQueryParameter e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), "INVALID_INPUT");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "'" + e.getValue() + "' is not a valid value for " + e.getName();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", message, "INVALID_INPUT");
        problem.setProperty("errors", List.of(Map.of("field", e.getName(), "message", message)));
        return problem;
    }

    /**
     * A refusal can come wrapped by what met it on the way: sealing a new fact about an erased person is refused by
     * the serializer, inside the append (ADR 0023). So can a handler stopped at its time limit (Axon's 30 s): the
     * service is up but that read is too slow now, so it is a 503 to try again, not a failure.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PersonRegisterRefusal refusal) {
                ProblemDetail refused = personRegisterRefusal(refusal);
                return ResponseEntity.status(refused.getStatus()).body(refused);
            }
            if (cause instanceof AxonTimeoutException timeout) {
                log.warn("A handler was stopped at its time limit: {}", timeout.getMessage());
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Too slow to answer now",
                                "The answer took longer than the time a handler is given and was stopped; nothing "
                                        + "was recorded for this request. Try again shortly.", "TIMED_OUT"));
            }
        }
        log.error("Unexpected failure while handling a request", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The service failed unexpectedly; nothing was recorded for this request unless its id says so. "
                        + "The failure is logged.", "INTERNAL_ERROR"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandling::fieldError)
                .toList();
        return ResponseEntity.badRequest().body(invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            @NonNull HandlerMethodValidationException e, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        // A @Valid body validated alongside constrained path variables reports its own field errors.
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors body
                        ? body.getFieldErrors().stream().map(ProblemHandling::fieldError)
                        : result.getResolvableErrors().stream().map(error -> Map.of(
                                "field", String.valueOf(result.getMethodParameter().getParameterName()),
                                "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest().body(invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        ProblemDetail problem;
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String message = "has a value that cannot be read: " + mapping.getOriginalMessage().split("\n")[0];
            problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", field + " " + message, "INVALID_INPUT");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                    "The request body is missing or is not valid JSON.", "INVALID_INPUT");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(@NonNull Exception e, Object body,
                                                             @NonNull HttpHeaders headers,
                                                             @NonNull HttpStatusCode status,
                                                             @NonNull WebRequest request) {
        // Spring's own 4xx (unsupported media type, method not allowed …) keep their status and gain a code.
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty("code", HttpStatus.valueOf(status.value()).name());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static ProblemDetail invalidInput(List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.stream().map(error -> error.get("field") + " " + error.get("message"))
                        .collect(Collectors.joining("; ")), "INVALID_INPUT");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }
}
