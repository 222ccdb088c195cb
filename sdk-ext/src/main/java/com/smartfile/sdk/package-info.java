/**
 * The SmartFile client: {@link com.smartfile.sdk.SmartFile}, its services, transfers, tasks, paging,
 * retries and typed errors.
 *
 * <p>Null-marked: no parameter accepts and no method returns {@code null} unless it says
 * {@code @Nullable} (JSpecify). NullAway checks this at build time.
 */
@NullMarked
package com.smartfile.sdk;

import org.jspecify.annotations.NullMarked;
