package vn.partyledger.infra.integration.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;
import vn.partyledger.domain.shared.MetadataKeys;
import vn.partyledger.domain.shared.RuleSet;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.infra.eventstore.DuplicateRequestException;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;
import vn.partyledger.infra.integration.IntegrationProperties;

import java.util.List;
import java.util.Map;

/**
 * Turns one inbound message into its command at the boundary (ADR 0045): a CloudEvent addressed to this province,
 * of a type it takes in, valid against the type's published schema, becomes a command sent as the sending province's
 * system, whose role ({@link #ROLE}) may send nothing but the commands of inbound messages. The message's
 * {@code ce_id} is the request key of the command's commit, written atomically with its events: a second delivery,
 * even after a restart, finds it and is not applied again. What cannot be applied throws {@link DeadLetter} with the
 * reason; a failure that is nobody's fault (the store unreachable) propagates, for the consumer to try again.
 */
@Component
public class InboundProcessor {

    /** The role of the inbound system actor: {@code security.Role.PROVINCIAL_SYSTEM} (AuthorisationTest holds them equal). */
    public static final String ROLE = "PROVINCIAL_SYSTEM";
    /** How the actor is named in the events it records: the sending province follows. */
    static final String ACTOR_PREFIX = "inbound:";
    private static final String REQUEST_KEY_PREFIX = "inbound|";
    private static final String SPEC_VERSION = "1.0";
    private static final int ERRORS_STATED = 5;

    /** What became of a message that was not dead-lettered. */
    public enum Outcome {
        /** Its command was recorded. */
        APPLIED,
        /** A message with its {@code ce_id} was applied before. */
        DUPLICATE,
        /** It is addressed to another province (or sent by this one): not this province's to apply. */
        NOT_ADDRESSED_HERE
    }

    private final CommandGateway commandGateway;
    private final MongoEventStorageEngine log;
    private final ObjectMapper json;
    private final InboundCommands commands;
    private final InboundSchemas schemas;
    private final String province;

    public InboundProcessor(CommandGateway commandGateway, MongoEventStorageEngine log, ObjectMapper json,
                            IntegrationProperties integration) {
        this.commandGateway = commandGateway;
        this.log = log;
        this.json = json;
        this.commands = new InboundCommands(json);
        this.schemas = new InboundSchemas(commands.names());
        this.province = integration.source();
    }

    public Outcome process(InboundMessage message) throws DeadLetter {
        String id = required(message, "ce_id");
        String type = required(message, "ce_type");
        String sender = required(message, "ce_source");
        if (!SPEC_VERSION.equals(required(message, "ce_specversion"))) {
            throw new DeadLetter(DeadLetter.Kind.MALFORMED, "ce_specversion is "
                    + message.headers().get("ce_specversion") + "; only CloudEvents " + SPEC_VERSION + " is read.");
        }
        if (!province.equals(required(message, "ce_destination")) || province.equals(sender)) {
            return Outcome.NOT_ADDRESSED_HERE;
        }
        if (applied(id)) {
            return Outcome.DUPLICATE;
        }
        String name = commands.nameOf(type).orElseThrow(() -> new DeadLetter(DeadLetter.Kind.UNSUPPORTED_TYPE,
                "This province takes in no message of type " + type + "."));
        InboundCommands.InboundCommand command = command(name, parsed(message), sender);
        try {
            MetaData metaData = metaData(id, sender, command);
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command.command())
                    .andMetaData(metaData));
            return Outcome.APPLIED;
        } catch (RuleViolation violation) {
            throw new DeadLetter(DeadLetter.Kind.RULE_BROKEN, violation.getMessage(), violation.rule(),
                    violation.code());
        } catch (DuplicateRequestException raced) {
            return Outcome.DUPLICATE;
        } catch (AggregateStreamCreationException taken) {
            throw new DeadLetter(DeadLetter.Kind.CONFLICT, "The record " + name + " would open is already on file "
                    + "from another message: " + taken.getMessage());
        }
    }

    /** Whether a message with this {@code ce_id} was applied: its commit is in the log. */
    public boolean applied(String ceId) {
        return log.findRequest(REQUEST_KEY_PREFIX + ceId).isPresent();
    }

    private static String required(InboundMessage message, String header) throws DeadLetter {
        return message.header(header).orElseThrow(() -> new DeadLetter(DeadLetter.Kind.MALFORMED,
                "The CloudEvents header " + header + " is missing."));
    }

    private JsonNode parsed(InboundMessage message) throws DeadLetter {
        try {
            JsonNode node = message.value() == null ? null : json.readTree(message.value());
            if (node == null || node.isMissingNode()) {
                throw new DeadLetter(DeadLetter.Kind.MALFORMED, "The message has no value.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new DeadLetter(DeadLetter.Kind.MALFORMED, "The value is not JSON: " + e.getOriginalMessage());
        }
    }

    private InboundCommands.InboundCommand command(String name, JsonNode message, String sender) throws DeadLetter {
        List<String> errors = schemas.errors(name, message);
        if (!errors.isEmpty()) {
            throw new DeadLetter(DeadLetter.Kind.SCHEMA_INVALID, "Not valid against " + name + ".schema.json: "
                    + String.join("; ", errors.subList(0, Math.min(ERRORS_STATED, errors.size()))));
        }
        try {
            return commands.of(name, message, sender);
        } catch (JsonProcessingException e) {
            throw new DeadLetter(DeadLetter.Kind.MALFORMED, "The value cannot be read as " + name + ": "
                    + e.getOriginalMessage());
        }
    }

    /** The rule set in force on the business date is looked up here, so a date under none is a rule's refusal. */
    private static MetaData metaData(String ceId, String sender, InboundCommands.InboundCommand command) {
        return MetaData.from(Map.of(
                MongoEventStorageEngine.REQUEST_KEY, REQUEST_KEY_PREFIX + ceId,
                MetadataKeys.ACTOR, Map.of("userId", ACTOR_PREFIX + sender, "role", ROLE),
                MetadataKeys.BUSINESS_DATE, command.businessDate().toString(),
                MetadataKeys.RULE_SET, RuleSet.inForceOn(command.businessDate()).name(),
                MetadataKeys.REQUEST_ID, ceId,
                MetadataKeys.CORRELATION_ID, ceId));
    }
}
