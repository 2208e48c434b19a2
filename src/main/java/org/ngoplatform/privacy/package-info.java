/**
 * Personal-data rights: the versioned privacy notice, "my data" download and account erasure, per-edition
 * retention with a purge job, and anonymising identified surveys after fieldwork. Nothing depends on this
 * module except through interfaces other modules define (e.g. {@code account.PrivacyNoticeVersions}).
 */
package org.ngoplatform.privacy;
