package org.ngoplatform.audit;

import org.hibernate.annotations.Immutable;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log is append-only for the application: no path updates or deletes an event. */
class AuditAppendOnlyTest {

    private static final List<String> WRITES = List.of("delete", "remove", "update", "modify", "set", "change", "purge",
            "clear", "truncate", "saveAll", "flush");

    @Test
    void the_repository_offers_insert_and_reads_only() {
        assertThat(AuditEventRepository.class.getInterfaces())
                .containsExactly(org.springframework.data.repository.Repository.class);
        List<String> methods = Arrays.stream(AuditEventRepository.class.getMethods()).map(Method::getName).distinct().toList();
        assertThat(methods).containsExactlyInAnyOrder("save", "findRecent", "countByActionOrAll", "findBySubjectOrderByIdAsc",
                "search", "countMatching", "searchOlder", "maxId", "findActorsLike");
    }

    @Test
    void the_service_and_the_entity_offer_no_way_to_change_an_event() {
        List<String> service = Arrays.stream(AuditLog.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName).distinct().toList();
        assertThat(service).containsExactlyInAnyOrder("record", "recent", "count", "forSubject", "search", "countMatching",
                "searchAfter", "latestId", "actors");
        assertThat(service).noneMatch(name -> WRITES.stream().anyMatch(name::startsWith));

        assertThat(AuditEvent.class.isAnnotationPresent(Immutable.class)).isTrue();
        assertThat(Arrays.stream(AuditEvent.class.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers())))
                .allMatch(m -> m.getName().startsWith("get") && m.getParameterCount() == 0);
    }
}
