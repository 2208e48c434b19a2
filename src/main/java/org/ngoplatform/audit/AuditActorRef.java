package org.ngoplatform.audit;

/** A person who appears in the audit log as actor: the actor as recorded ({@code account:42}) and a label to pick. */
public record AuditActorRef(String actor, String label) {
}
