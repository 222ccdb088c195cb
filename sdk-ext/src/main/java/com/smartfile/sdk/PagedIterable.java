package com.smartfile.sdk;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All items of a paged SmartFile list, fetched one page at a time as iteration reaches it: memory
 * holds one page, and nothing is fetched until iteration starts. Each {@link #iterator()} (and
 * {@link #stream()}) starts again from the first page.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {

    /** Items per request when the caller does not choose (what the official node client uses). */
    public static final int DEFAULT_PAGE_SIZE = 100;

    /** One fetched page: its items and, when the server said so, how many pages there are. */
    static final class Page<T> {
        final List<T> items;
        final Integer pages;

        Page(List<T> items, Integer pages) {
            this.items = items;
            this.pages = pages;
        }
    }

    private final IntFunction<Page<T>> fetch;
    private final int pageSize;

    /**
     * @param fetch reads page N (from 1)
     * @param pageSize the {@code limit} each fetch asks for; a shorter page without a page count ends the list
     */
    PagedIterable(IntFunction<Page<T>> fetch, int pageSize) {
        this.fetch = fetch;
        this.pageSize = Paging.limit(pageSize);
    }

    /**
     * A list that is already known, as one page: for fakes of the services in tests
     * ({@code new GroupsService() { public PagedIterable<Group> list() { return PagedIterable.of(groups); } }}).
     *
     * @param items the items, in order; copied
     * @param <T> the item type
     * @return an iterable over the items that sends nothing
     */
    public static <T> PagedIterable<T> of(List<T> items) {
        if (items == null) {
            throw new InvalidInputException("The items of a PagedIterable must not be null; give List.of() for none.");
        }
        List<T> copy = List.copyOf(items);
        return new PagedIterable<>(page -> new Page<>(page == 1 ? copy : List.of(), 1), Math.max(1, copy.size()));
    }

    /**
     * The items of the pages a paged operation returns. The first page's request is built here, so
     * a bad argument is refused at once; nothing is sent until iteration starts.
     *
     * @param call the request for page N (from 1)
     * @param items the items of a page
     * @param pages the number of pages a page announces, or null
     */
    static <P, T> PagedIterable<T> of(Invoker invoker, IntFunction<retrofit2.Call<P>> call, Function<P, List<T>> items,
                                      Function<P, Integer> pages, int pageSize) {
        call.apply(1);
        return new PagedIterable<>(page -> {
            P p = invoker.sync(call.apply(page));
            return new Page<>(items.apply(p), pages.apply(p));
        }, pageSize);
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<T>() {
            private int pageNumber;
            private Iterator<T> current = java.util.Collections.emptyIterator();
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !last) {
                    Page<T> page = fetch.apply(++pageNumber);
                    current = page.items.iterator();
                    last = page.items.isEmpty()
                            || (page.pages != null ? pageNumber >= page.pages : page.items.size() < pageSize);
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /**
     * The items as a sequential stream, fetched lazily like the iterator.
     *
     * @return the stream
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
