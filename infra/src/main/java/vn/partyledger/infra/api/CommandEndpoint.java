package vn.partyledger.infra.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.partyledger.infra.axon.CommandOutcome;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What every command endpoint does with its request body: make the command, dispatch it with its business date,
 * decision and the request's fingerprint, and shape the HTTP answer (201 for a record created, 200 otherwise; the
 * record's version as ETag; Idempotent-Replayed).
 */
@Component
public class CommandEndpoint {

    private final CommandDispatcher dispatcher;
    private final ObjectMapper objectMapper;

    public CommandEndpoint(CommandDispatcher dispatcher, ObjectMapper objectMapper) {
        this.dispatcher = dispatcher;
        this.objectMapper = objectMapper;
    }

    /** A command on a record that exists: 200. */
    public ResponseEntity<CommandOutcome> execute(HttpServletRequest http, String id, CommandBody<?> body,
                                                  RequestContext context) {
        return dispatch(http, id, body, context, HttpStatus.OK);
    }

    /** A command that creates its record: 201. */
    public ResponseEntity<CommandOutcome> create(HttpServletRequest http, String id, CommandBody<?> body,
                                                 RequestContext context) {
        return dispatch(http, id, body, context, HttpStatus.CREATED);
    }

    private ResponseEntity<CommandOutcome> dispatch(HttpServletRequest http, String id, CommandBody<?> body,
                                                    RequestContext context, HttpStatus success) {
        Object command = body.toCommand(id);
        CommandDispatcher.Dispatched dispatched = dispatcher.dispatch(
                new CommandRequest(command, body.businessDate(), body.decisionRef(), fingerprint(http, body)),
                context);
        CommandOutcome outcome = dispatched.outcome();
        return ResponseEntity.status(success)
                .eTag(Long.toString(outcome.version()))
                .header("Idempotent-Replayed", Boolean.toString(dispatched.replayed()))
                .body(outcome);
    }

    /** The method, the path and the body as JSON (its record components only): a retry gives the same. */
    private String fingerprint(HttpServletRequest http, Object body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((http.getMethod() + " " + http.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(objectMapper.writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
