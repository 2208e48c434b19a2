package org.ngoplatform.dashboard;

import java.util.List;

/**
 * Something an organiser should do next: a message key of the dashboard bundle with its parameters, and the
 * address of the page where it is done.
 */
public record ToDo(String key, List<Object> params, String link) {
}
