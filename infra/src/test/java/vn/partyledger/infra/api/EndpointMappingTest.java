package vn.partyledger.infra.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.onboarding.ImportMember;
import vn.partyledger.domain.onboarding.ImportMembers;
import vn.partyledger.domain.person.CorrectPersonalData;
import vn.partyledger.domain.person.RecordProcessingBasis;
import vn.partyledger.domain.person.RegisterPerson;
import vn.partyledger.domain.person.RequestErasure;
import vn.partyledger.domain.badge.FindBadgeEligibility;
import vn.partyledger.domain.badge.FindPartyAgeStatistics;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.roster.FindOrganisationRoster;
import vn.partyledger.domain.roster.FindRosterTotals;
import vn.partyledger.domain.due.FindDueList;
import vn.partyledger.domain.recruitment.FindRecruitmentDashboard;
import vn.partyledger.domain.statistics.FindMembershipLosses;
import vn.partyledger.domain.statistics.FindMembershipStatistics;
import vn.partyledger.domain.timeline.FindMemberChanges;
import vn.partyledger.domain.timeline.FindMemberState;
import vn.partyledger.domain.timeline.FindMemberTimeline;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.infra.audit.ReadAccessAudit;
import vn.partyledger.infra.checkpoint.ProveConsistency;
import vn.partyledger.infra.checkpoint.ProveInclusion;
import vn.partyledger.infra.checkpoint.ReadCheckpoints;
import vn.partyledger.infra.checkpoint.ReadVerificationProgress;
import vn.partyledger.infra.checkpoint.StartVerification;
import vn.partyledger.infra.checkpoint.VerifyLog;
import vn.partyledger.infra.checkpoint.VerifyRecord;
import vn.partyledger.infra.export.ExportMemberHistory;
import vn.partyledger.infra.export.ExportOrganisationHistory;
import vn.partyledger.infra.export.ReadNameInExport;
import vn.partyledger.infra.person.ReadNamesOnRoster;
import vn.partyledger.infra.person.ReadPersonalData;
import vn.partyledger.infra.rebuild.ReadRebuildProgress;
import vn.partyledger.infra.rebuild.RebuildProjection;
import vn.partyledger.infra.axon.CommandOutcome;
import vn.partyledger.infra.security.PermissionTable;
import vn.partyledger.infra.integration.RepublishIntegrationEvents;
import vn.partyledger.infra.integration.inbound.ReadDeadLetters;
import vn.partyledger.infra.integration.inbound.RetryDeadLetter;
import vn.partyledger.domain.transfer.RecordIncomingTransfer;
import vn.partyledger.domain.transfer.RecordTransferPresentation;
import vn.partyledger.domain.transfer.RecordTransferRefusal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every command endpoint makes of a request, pinned: the command it sends, the business date and decision the
 * log records, the fingerprint that recognises a retry under the same Idempotency-Key, and the status and headers it
 * answers. Each endpoint is called twice, with every field of its body filled and with the optional ones left out.
 * The expected lines were written by the endpoints as they were before they became one-liners; a retry sent before
 * such a change must still match its first delivery after it. To rewrite them (only for a deliberate change of the
 * contract): {@code -DendpointMapping.write=/path/to/endpoint-mapping.txt}.
 */
class EndpointMappingTest {

    private static final String EXPECTED = "endpoint-mapping.txt";

    private final List<Object> commandsSent = new ArrayList<>();
    private static final LocalDate BASE = LocalDate.of(2024, 1, 1);

    /** The mapper as the application configures it: Boot's defaults and dates written as text. */
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyEndpointSendsTheSameCommandDateDecisionAndFingerprintAsBefore() throws Exception {
        List<String> lines = mappings();
        String write = System.getProperty("endpointMapping.write");
        if (write != null) {
            Files.write(Path.of(write), lines, StandardCharsets.UTF_8);
        }
        assertThat(lines).hasSize(2 * 63);
        assertThat(lines).containsExactlyElementsOf(expected());
    }

    /**
     * Least privilege denies what it does not know (ADR 0021): every command an endpoint sends must have its line in the
     * permission table, and the table holds no command that no endpoint sends.
     */
    @Test
    void everyCommandTheApiSendsHasItsLineInThePermissionTable() throws Exception {
        mappings();
        Set<Class<?>> sent = commandsSent.stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> tabled = new HashSet<>(new PermissionTable().messageTypes());
        // reads, and the person register's writes, which go through PersonCommands (it writes the register first);
        // PermissionMatrixTest sends those over HTTP as every role
        // and an import's member lines, which the onboarding sends (ImportEndToEndTest)
        // and the administrator's rebuilds, which are no command on a record (ProjectionRebuildEndToEndTest)
        tabled.removeAll(Set.of(FindBranchRoster.class, FindRosterTotals.class, FindOrganisationTree.class,
                FindDueList.class,
                FindRecruitmentDashboard.class, FindPartyAgeStatistics.class, FindBadgeEligibility.class,
                FindMembershipStatistics.class, FindMembershipLosses.class,
                ReadPersonalData.class, FindOrganisationRoster.class, ReadNamesOnRoster.class,
                ReadAccessAudit.class, RebuildProjection.class, ReadRebuildProgress.class,
                FindMemberTimeline.class, FindMemberState.class, FindMemberChanges.class,
                RegisterPerson.class, CorrectPersonalData.class, RecordProcessingBasis.class, RequestErasure.class,
                ImportMember.class, ImportMembers.class,
                ReadCheckpoints.class, ProveInclusion.class, ProveConsistency.class, VerifyLog.class,
                VerifyRecord.class, ExportMemberHistory.class, ExportOrganisationHistory.class,
                StartVerification.class, ReadVerificationProgress.class, ReadNameInExport.class,
                // and republishing integration events, which is no command (IntegrationEventsEndToEndTest)
                RepublishIntegrationEvents.class,
                // and the inbound integration's dead letters and its command, sent by the inbound boundary alone
                // (InboundIntegrationEndToEndTest)
                ReadDeadLetters.class, RetryDeadLetter.class, RecordIncomingTransfer.class,
                RecordTransferRefusal.class, RecordTransferPresentation.class));

        assertThat(sent).as("commands the API sends").isNotEmpty();
        assertThat(tabled).as("commands in the permission table").containsExactlyInAnyOrderElementsOf(sent);
    }

    private List<String> expected() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(EXPECTED)) {
            assertThat(in).as(EXPECTED).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private List<String> mappings() throws Exception {
        List<String> lines = new ArrayList<>();
        for (Class<?> controller : controllers()) {
            Recording dispatcher = new Recording(commandsSent);
            Object instance = controller.getConstructor(CommandEndpoint.class)
                    .newInstance(new CommandEndpoint(dispatcher, mapper));
            String base = controller.getAnnotation(RequestMapping.class).value()[0];
            List<Method> posts = Arrays.stream(controller.getMethods())
                    .filter(method -> method.isAnnotationPresent(PostMapping.class))
                    .sorted(Comparator.comparing(Method::getName)).toList();
            for (Method post : posts) {
                for (boolean full : new boolean[]{true, false}) {
                    lines.add(call(instance, post, base, dispatcher, full));
                }
            }
        }
        return lines;
    }

    private String call(Object controller, Method post, String base, Recording dispatcher, boolean full)
            throws Exception {
        String uri = base + post.getAnnotation(PostMapping.class).value()[0].replaceAll("\\{[^}]+}", "id-1");
        MockHttpServletRequest http = new MockHttpServletRequest("POST", uri);
        Object[] arguments = new Object[post.getParameterCount()];
        for (int i = 0; i < arguments.length; i++) {
            Parameter parameter = post.getParameters()[i];
            if (parameter.getType() == String.class) {
                arguments[i] = "id-1";
            } else if (parameter.getType() == RequestContext.class) {
                arguments[i] = new RequestContext(null, null, null);
            } else if (parameter.getType() == jakarta.servlet.http.HttpServletRequest.class) {
                arguments[i] = http;
            } else if (parameter.isAnnotationPresent(RequestBody.class)) {
                arguments[i] = sample(parameter.getType(), 0, full);
            }
        }
        String request = "POST " + uri + (full ? " full" : " least");
        ResponseEntity<?> answer;
        try {
            answer = (ResponseEntity<?>) post.invoke(controller, arguments);
        } catch (InvocationTargetException refused) {
            return request + " -> throws " + refused.getCause();
        }
        CommandRequest sent = dispatcher.last;
        return request + " -> " + answer.getStatusCode().value()
                + " ETag=" + answer.getHeaders().getETag()
                + " Idempotent-Replayed=" + answer.getHeaders().getFirst("Idempotent-Replayed")
                + " | " + sent.command() + " | " + sent.businessDate() + " | " + sent.decision()
                + " | " + sent.fingerprint();
    }

    /** A body with a distinct value in every field, so that a field mapped to the wrong place shows. */
    private static Object sample(Class<?> type, int offset, boolean full) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Method accessor = component.getAccessor();
            boolean required = accessor.isAnnotationPresent(NotNull.class)
                    || accessor.isAnnotationPresent(NotBlank.class) || accessor.isAnnotationPresent(NotEmpty.class);
            values[i] = full || required || component.getType().isPrimitive()
                    ? value(component, component.getType(), component.getGenericType(), offset + i, full)
                    : null;
        }
        return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                .toArray(Class<?>[]::new)).newInstance(values);
    }

    private static Object value(RecordComponent component, Class<?> type, Type generic, int index, boolean full)
            throws Exception {
        if (type == String.class) {
            String text = component.getName() + "-" + index;
            Pattern pattern = component.getAccessor().getAnnotation(Pattern.class);
            return pattern == null || text.matches(pattern.regexp()) ? text
                    : (component.getName() + "_" + index).toUpperCase();
        }
        if (type == LocalDate.class) {
            return BASE.plusDays(index);
        }
        if (type == YearMonth.class) {
            return YearMonth.from(BASE.plusMonths(index));
        }
        if (type == int.class || type == Integer.class) {
            return index + 1;
        }
        if (type == boolean.class) {
            return full;
        }
        if (type == BigDecimal.class) {
            return BigDecimal.valueOf(index + 1, 1);
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[index % constants.length];
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Class<?> elementClass = (Class<?>) (element instanceof ParameterizedType parameterized
                    ? parameterized.getRawType() : element);
            return List.of(value(component, elementClass, element, index, full));
        }
        if (type.isRecord()) {
            return sample(type, 10 * (index + 1), full);
        }
        throw new IllegalArgumentException("no sample value for " + type);
    }

    private static List<Class<?>> controllers() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<Class<?>> controllers = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(CommandEndpoint.class.getPackageName())) {
            Class<?> controller = Class.forName(candidate.getBeanClassName());
            // the person register's controller is not a one-line command controller: its fingerprint is a keyed hash
            // of personal data and its bodies are written to the register before the command (ADR 0022)
            boolean commandController = Arrays.stream(controller.getConstructors()).anyMatch(constructor ->
                    Arrays.asList(constructor.getParameterTypes()).contains(CommandEndpoint.class));
            if (commandController
                    && Arrays.stream(controller.getMethods()).anyMatch(m -> m.isAnnotationPresent(PostMapping.class))) {
                controllers.add(controller);
            }
        }
        controllers.sort(Comparator.comparing(Class::getName));
        return controllers;
    }

    /** A dispatcher that only remembers what it was asked to send, and answers version 3. */
    private static final class Recording extends CommandDispatcher {

        private final List<Object> sent;
        CommandRequest last;

        Recording(List<Object> sent) {
            super(null, null, null);
            this.sent = sent;
        }

        @Override
        public Dispatched dispatch(CommandRequest request, RequestContext context) {
            last = request;
            sent.add(request.command());
            return new Dispatched(new CommandOutcome("id-1", 3, List.of("event-1"), 3_000_000), false);
        }
    }
}
