package org.ngoplatform.mail;

import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A mail server that accepts the connection and then says nothing (an overloaded or broken relay) fails the attempt
 * within the configured timeout instead of holding the outbox's sender for ever. The sender is the application's own,
 * with the JavaMail properties the application configures, only pointed at such a server.
 */
@IntegrationTest
class MailServerTimeoutTest {

    @Autowired JavaMailSender applicationSender;

    @Test
    void a_mail_server_that_never_answers_fails_the_attempt_within_the_configured_timeout() throws Exception {
        JavaMailSenderImpl configured = (JavaMailSenderImpl) applicationSender;
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // kept open, never written to
                    }
                } catch (Exception closed) {
                    // the server socket is closed when the test ends, which ends this loop
                }
            });
            JavaMailSenderImpl toSilentServer = new JavaMailSenderImpl();
            toSilentServer.setHost("127.0.0.1");
            toSilentServer.setPort(silent.getLocalPort());
            toSilentServer.setJavaMailProperties(configured.getJavaMailProperties());
            var message = new SimpleMailMessage();
            message.setFrom("no-reply@test.ngo-platform.local");
            message.setTo("t-silent-server@test.ngo-platform.local");
            message.setSubject("Never answered");
            message.setText("Body");

            long start = System.nanoTime();
            // on a thread of its own, so that without a timeout the test fails after a minute instead of hanging
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> toSilentServer.send(message),
                    runnable -> Thread.ofVirtual().start(runnable));
            assertThatThrownBy(() -> sending.get(60, TimeUnit.SECONDS))
                    .as("the attempt ends with the mail server's silence, not after a minute")
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(MailSendException.class);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertThat(accepted).as("the connection was made; the server only never answered").isNotEmpty();
            // the greeting is read under mail.smtp.timeout (10 s), so the attempt waited that long and then gave up
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(9));
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
