/**
 * The programme's views, and {@link org.ngoplatform.programme.ui.ProgrammeFormat}, how a session's days and times
 * read and how its {@code .ics} downloads; exposed as programme's named interface {@code ui}, so a module that shows
 * sessions allows it explicitly ({@code "programme :: ui"}) next to the API ({@code "programme"}).
 */
@org.springframework.modulith.NamedInterface("ui")
package org.ngoplatform.programme.ui;
