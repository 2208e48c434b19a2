package org.ngoplatform.mail;

/**
 * Outbox mail {@code mailId} reached its final state (sent, only logged, or given up after its last retry): published
 * in the delivering transaction for every mail, so a sender that kept the id ({@link MailQueued}) can count it. A
 * listener should act after commit, in a transaction of its own, so nothing it does can undo a delivery.
 */
public record MailDelivered(long mailId, OutboxMail.Delivery delivery) {
}
