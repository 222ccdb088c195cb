package com.smartfile.sdk;

/** Checks page requests before they are sent. */
final class Paging {

    private Paging() {
    }

    static int page(int page) {
        if (page < 1) {
            throw new InvalidInputException("Pages are numbered from 1; got page " + page + ".");
        }
        return page;
    }

    static int limit(int limit) {
        if (limit < 1) {
            throw new InvalidInputException("A page holds at least 1 item; got limit " + limit + ".");
        }
        return limit;
    }
}
