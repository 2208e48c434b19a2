package org.ngoplatform.base.ui;

import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** For a date-time picker whose label says UTC: the picked local date-time is that instant in UTC, and back. */
public final class UtcDateTimeConverter implements Converter<LocalDateTime, Instant> {

    @Override
    public Result<Instant> convertToModel(LocalDateTime value, ValueContext context) {
        return Result.ok(value == null ? null : value.toInstant(ZoneOffset.UTC));
    }

    @Override
    public LocalDateTime convertToPresentation(Instant value, ValueContext context) {
        return value == null ? null : LocalDateTime.ofInstant(value, ZoneOffset.UTC);
    }
}
