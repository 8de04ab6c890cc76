package vn.partyledger.infra.api;

import org.springframework.stereotype.Component;
import vn.partyledger.domain.shared.Actor;
import vn.partyledger.infra.audit.AccessAudit;
import vn.partyledger.infra.audit.AccessPurpose;
import vn.partyledger.infra.audit.AccessedData;
import vn.partyledger.infra.person.PersonRegisterStore;
import vn.partyledger.infra.person.PersonalData;
import vn.partyledger.infra.person.ReadNamesOnRoster;
import vn.partyledger.infra.security.CurrentActor;
import vn.partyledger.infra.security.PermissionCheck;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names on a page of a roster, or in a member's exported history (ADR 0047), for a caller entitled to them (ADR
 * 0042): the permission is checked before any
 * name is read, the names are the register's as they stood on the roster's date, and every name given out is
 * recorded in the access audit, with the stated purpose, before the page is answered. A person the register does not
 * hold, or an erased one, has no name to give.
 */
@Component
class RosterNames {

    private final PermissionCheck access;
    private final PersonRegisterStore register;
    private final AccessAudit audit;
    private final CurrentActor actor;

    RosterNames(PermissionCheck access, PersonRegisterStore register, AccessAudit audit, CurrentActor actor) {
        this.access = access;
        this.register = register;
        this.audit = audit;
        this.actor = actor;
    }

    /** Refuses ({@code AccessRefused}) a caller not entitled to the names on the organisation's roster. */
    void checkEntitled(String orgId, LocalDate asOf) {
        access.check(new ReadNamesOnRoster(orgId, asOf), null, asOf);
    }

    /** The names of {@code personIds} on {@code asOf}, by person id, each read recorded as {@code data}. */
    Map<String, String> of(List<String> personIds, LocalDate asOf, AccessedData data, AccessPurpose purpose) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String personId : personIds) {
            register.asOf(personId, asOf).map(PersonalData::fullName)
                    .ifPresent(name -> names.put(personId, name));
        }
        Actor reader = actor.get();
        audit.recordAll(reader.userId(), reader.role(), reader.actingForOrgId(), List.copyOf(names.keySet()),
                data, purpose);
        return names;
    }
}
