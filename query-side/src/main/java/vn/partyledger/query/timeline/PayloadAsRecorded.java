package vn.partyledger.query.timeline;

import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.timeline.TimelineEntry;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event's payload as plain values, field by field in declaration order, with every {@link Sensitive} fact shown as
 * {@link TimelineEntry#WITHHELD}: the fact is neither opened nor re-sealed, so showing a timeline never touches a
 * person's key and reads the same before and after the person is erased (ADR 0023).
 */
final class PayloadAsRecorded {

    /** Each record class's components, asked of the class once: every ask builds them anew through the JVM. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private PayloadAsRecorded() {
    }

    /** Every event is a record (DESIGN.md "Style"); anything else is shown by its text. */
    static Map<String, Object> of(Object payload) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (!payload.getClass().isRecord()) {
            fields.put("value", String.valueOf(payload));
            return fields;
        }
        for (RecordComponent component : COMPONENTS.get(payload.getClass())) {
            fields.put(component.getName(), value(read(component, payload)));
        }
        return fields;
    }

    private static Object value(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Sensitive<?>) {
            return TimelineEntry.WITHHELD;
        }
        if (value instanceof Enum<?> || value instanceof Temporal) {
            return value.toString();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(PayloadAsRecorded::value).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> shown = new LinkedHashMap<>();
            map.forEach((key, entry) -> shown.put(String.valueOf(key), value(entry)));
            return shown;
        }
        if (value.getClass().isRecord()) {
            return of(value);
        }
        return String.valueOf(value);
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException unreadable) {
            throw new IllegalStateException("cannot read " + component.getName() + " of "
                    + record.getClass().getSimpleName(), unreadable);
        }
    }
}
