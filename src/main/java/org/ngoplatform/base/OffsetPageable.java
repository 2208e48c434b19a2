package org.ngoplatform.base;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** A {@link Pageable} for the offset/limit pairs that lazy grids ask for, which need not align to pages. */
public record OffsetPageable(long offset, int limit, Sort sort) implements Pageable {

    public static final int MAX_LIMIT = 500;

    public OffsetPageable {
        if (offset < 0) throw new IllegalArgumentException("offset < 0");
        if (limit < 1) throw new IllegalArgumentException("limit < 1");
        limit = Math.min(limit, MAX_LIMIT);
        sort = sort == null ? Sort.unsorted() : sort;
    }

    public static OffsetPageable of(long offset, int limit) {
        return new OffsetPageable(offset, limit, Sort.unsorted());
    }

    public static OffsetPageable of(long offset, int limit, Sort sort) {
        return new OffsetPageable(offset, limit, sort);
    }

    @Override public int getPageNumber() { return (int) (offset / limit); }
    @Override public int getPageSize() { return limit; }
    @Override public long getOffset() { return offset; }
    @Override public Sort getSort() { return sort; }
    @Override public Pageable next() { return new OffsetPageable(offset + limit, limit, sort); }
    @Override public Pageable previousOrFirst() { return new OffsetPageable(Math.max(0, offset - limit), limit, sort); }
    @Override public Pageable first() { return new OffsetPageable(0, limit, sort); }
    @Override public Pageable withPage(int pageNumber) { return new OffsetPageable((long) pageNumber * limit, limit, sort); }
    @Override public boolean hasPrevious() { return offset > 0; }
}
