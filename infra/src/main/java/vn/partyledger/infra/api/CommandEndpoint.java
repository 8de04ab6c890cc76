package vn.partyledger.infra.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.infra.axon.CommandOutcome;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/** What every command endpoint does once it has built its command: dispatch it and shape the HTTP answer. */
@Component
public class CommandEndpoint {

    private final CommandDispatcher dispatcher;
    private final ObjectMapper objectMapper;

    public CommandEndpoint(CommandDispatcher dispatcher, ObjectMapper objectMapper) {
        this.dispatcher = dispatcher;
        this.objectMapper = objectMapper;
    }

    public ResponseEntity<CommandOutcome> execute(HttpServletRequest http, Object body, Object command,
                                                  LocalDate businessDate, DecisionRef decision,
                                                  RequestContext context, HttpStatus success) {
        CommandDispatcher.Dispatched dispatched = dispatcher.dispatch(
                new CommandRequest(command, businessDate, decision, fingerprint(http, body)), context);
        CommandOutcome outcome = dispatched.outcome();
        return ResponseEntity.status(success)
                .eTag(Long.toString(outcome.version()))
                .header("Idempotent-Replayed", Boolean.toString(dispatched.replayed()))
                .body(outcome);
    }

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
