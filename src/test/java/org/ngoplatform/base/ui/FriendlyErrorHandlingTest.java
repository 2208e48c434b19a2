package org.ngoplatform.base.ui;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.communication.rpc.EventRpcHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the log says about a failed event: a request the client crafted (an event aimed at a node that cannot have
 * one) is refused in one line; a failure in the app's own listener stays an error with its stack trace. The events
 * go through Vaadin's own RPC handler, exactly as the UIDL request handler passes them on.
 */
class FriendlyErrorHandlingTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(FriendlyErrorHandling.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final UI ui = new UI();

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopCapture() {
        logger.detachAppender(logged);
    }

    /** What the UIDL request handler does with one invocation of a request: the failure its handler throws. */
    private Throwable send(int nodeId, String event) {
        ObjectNode invocation = JsonMapper.builder().build().createObjectNode();
        invocation.put("type", "event");
        invocation.put("node", nodeId);
        invocation.put("event", event);
        invocation.putObject("data");
        return catchThrowable(() -> new EventRpcHandler().handle(ui, invocation));
    }

    @Test
    void a_crafted_event_aimed_at_a_text_node_is_logged_as_one_refused_request_line() {
        Text text = new Text("hello");
        ui.add(text);
        Throwable failure = send(text.getElement().getNode().getId(), "click");
        assertThat(failure).as("Vaadin refuses the event").isNotNull();

        new FriendlyErrorHandling.Handler().error(new ErrorEvent(failure));

        List<ILoggingEvent> lines = logged.list;
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).startsWith("Refused request");
            assertThat(line.getThrowableProxy()).as("stack trace").isNull();
        });
    }

    @Test
    void a_failure_in_the_apps_own_listener_is_still_an_error_with_its_stack_trace() {
        Button button = new Button("Save", click -> {
            throw new IllegalStateException("bug in a listener");
        });
        ui.add(button);
        Throwable failure = send(button.getElement().getNode().getId(), "click");
        assertThat(failure).isNotNull();

        new FriendlyErrorHandling.Handler().error(new ErrorEvent(failure));

        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getThrowableProxy()).isNotNull();
        });
    }
}
