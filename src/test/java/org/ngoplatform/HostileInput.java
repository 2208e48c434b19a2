package org.ngoplatform;

import jakarta.validation.ConstraintViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile texts every form must survive (empty, 100,000 characters, control characters, right-to-left and
 * emoji, markup) and the check that an action is either accepted or refused clearly with nothing written.
 */
public final class HostileInput {

    private final JdbcTemplate jdbc;
    private final List<Class<? extends RuntimeException>> clear = new ArrayList<>(
            List.of(IllegalArgumentException.class, ConstraintViolationException.class,
                    org.ngoplatform.base.RejectedException.class));

    public HostileInput(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static Stream<String> texts() {
        return Stream.of(
                "",
                "x".repeat(100_000),
                "Anna\u0000\u0007\u001b[31m\r\nNovak",
                "\u202eآنا نوفاك \u05d0\u05e0\u05d4 🙂👩🏽‍⚖️",
                "<script>alert('x')</script><img src=x onerror=alert(1)>");
    }

    /** Adds a rejection type the form in question explains next to its fields. */
    @SafeVarargs
    public final HostileInput alsoClear(Class<? extends RuntimeException>... rejections) {
        clear.addAll(List.of(rejections));
        return this;
    }

    /**
     * Wraps a form's action so that any refusal other than the form's own fails the test: only that one would be
     * explained next to the field.
     */
    public static <T> Supplier<T> onlyRefusalsOf(Class<? extends RuntimeException> formRefusal, Supplier<T> action) {
        return () -> {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (formRefusal.isInstance(e)) {
                    throw e;
                }
                throw new AssertionError("the form cannot explain " + e, e);
            }
        };
    }

    public Map<String, Integer> counts(String... tables) {
        var counts = new LinkedHashMap<String, Integer>();
        for (String table : tables) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class));
        }
        return counts;
    }

    /** Runs the action: accepted (returns true) or refused clearly with the row counts of the tables unchanged. */
    public boolean acceptedOrClearlyRefused(Supplier<?> action, String... tables) {
        Map<String, Integer> before = counts(tables);
        try {
            action.get();
            return true;
        } catch (RuntimeException e) {
            assertThat(clear).as("%s is a rejection the form explains", e).anyMatch(c -> c.isInstance(e));
            assertThat(counts(tables)).as("nothing written after a refusal").isEqualTo(before);
            return false;
        }
    }

    /** For void service calls. */
    public boolean acceptedOrClearlyRefused(Runnable action, String... tables) {
        return acceptedOrClearlyRefused(() -> {
            action.run();
            return null;
        }, tables);
    }
}
