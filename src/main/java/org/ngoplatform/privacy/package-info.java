/**
 * Personal-data rights: the versioned privacy notice, "my data" download and account erasure, per-edition
 * retention with a purge job, and anonymising identified surveys after fieldwork. Privacy reads no other module's
 * tables: the modules that hold the data implement its interfaces in their own packages
 * ({@link org.ngoplatform.privacy.PersonalDataHolder}, {@link org.ngoplatform.privacy.EditionRetentionPurger},
 * {@link org.ngoplatform.privacy.FieldworkSurveys}, {@link org.ngoplatform.privacy.EditionEnds}) and privacy calls
 * them inside its own transaction. Privacy in turn reaches account and mail only through their APIs
 * ({@code account.AccountPersonalData}, {@code mail.MailPersonalData}) and interfaces they define (e.g.
 * {@code account.PrivacyNoticeVersions}): privacy depends on both, so neither can implement privacy's interfaces.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "audit", "mail"})
package org.ngoplatform.privacy;
