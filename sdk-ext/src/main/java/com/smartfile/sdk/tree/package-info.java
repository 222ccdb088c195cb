/**
 * Whole folders: plan, sync and copy trees between the local disk and SmartFile
 * ({@link com.smartfile.sdk.tree.Trees}, from {@link com.smartfile.sdk.SmartFile#trees()}).
 *
 * <p>Null-marked: no parameter accepts and no method returns {@code null} unless it says
 * {@code @Nullable} (JSpecify). NullAway checks this at build time.
 */
@NullMarked
package com.smartfile.sdk.tree;

import org.jspecify.annotations.NullMarked;
