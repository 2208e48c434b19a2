package org.ngoplatform;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One in-process SMTP server (GreenMail) for the whole test JVM; the shared Spring context sends to it. */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
        }
        return server;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    /**
     * Plain-text bodies ("\n" line ends) of the mails this server received for {@code recipient}, oldest first,
     * waiting up to 20 seconds for at least {@code atLeast} of them. The outbox erases a confidential mail's body
     * once it is delivered, so a test reads a reset link here, after {@code MailOutbox.sendDue()}.
     */
    public static List<String> bodiesTo(String recipient, int atLeast) {
        long until = System.currentTimeMillis() + 20_000;
        while (true) {
            List<String> bodies = Arrays.stream(server().getReceivedMessages())
                    .filter(m -> isFor(m, recipient)).map(TestMail::text).toList();
            if (bodies.size() >= atLeast || System.currentTimeMillis() > until) {
                return bodies;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return bodies;
            }
        }
    }

    /** The mails this server received for {@code recipient}, oldest first, waiting as {@link #bodiesTo} does. */
    public static List<MimeMessage> messagesTo(String recipient, int atLeast) {
        bodiesTo(recipient, atLeast);
        return Arrays.stream(server().getReceivedMessages()).filter(m -> isFor(m, recipient)).toList();
    }

    /** The one mail {@code recipient} received; fails when there is none or more than one. */
    public static MimeMessage onlyTo(String recipient) {
        List<MimeMessage> mine = messagesTo(recipient, 1);
        if (mine.size() != 1) {
            throw new AssertionError("expected one mail to " + recipient + ", found " + mine.size());
        }
        return mine.getFirst();
    }

    /** The first mail to {@code recipient} whose subject contains {@code subjectPart}. */
    public static MimeMessage aboutTo(String recipient, String subjectPart) {
        return messagesTo(recipient, 1).stream().filter(m -> subject(m).contains(subjectPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no mail \"" + subjectPart + "\" to " + recipient));
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isFor(MimeMessage m, String recipient) {
        try {
            return m.getAllRecipients() != null
                    && Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * The mail's text ("\n" line ends): the whole content of a plain mail, the text part of a multipart one (a mail
     * with an attachment).
     */
    public static String text(MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                        return ((String) part.getContent()).replace("\r\n", "\n");
                    }
                }
                throw new IllegalStateException("no text part in " + m.getSubject());
            }
            return ((String) content).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file a mail carries: its name, its Content-Type header and its text (decoded with the header's charset). */
    public record Attachment(String fileName, String contentType, String content) {
    }

    /** The attachments of a mail, in order; none for a plain mail. */
    public static List<Attachment> attachments(MimeMessage m) {
        try {
            if (!(m.getContent() instanceof Multipart multipart)) {
                return List.of();
            }
            List<Attachment> files = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    Object content = part.getContent();
                    String text = content instanceof String t ? t
                            : new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    files.add(new Attachment(part.getFileName(), part.getContentType(), text));
                }
            }
            return files;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
