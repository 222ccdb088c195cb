package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * Every package the module exports is {@code @NullMarked}, so NullAway (run by sdk-ext's compiler
 * configuration) checks it and the absence of {@code @Nullable} on a public signature means "never
 * null". A new exported package without a package-info fails here instead of escaping the check.
 */
class NullMarkedPackagesTest {

    @Test
    void everyExportedPackageIsNullMarked() throws IOException, ClassNotFoundException {
        ModuleDescriptor module;
        try (var in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(PublicApiTest.EXPORTED), exported, "the API dump covers what the module exports");
        for (String pkg : exported) {
            Class<?> info = Class.forName(pkg + ".package-info");
            assertNotNull(info.getAnnotation(NullMarked.class), pkg + " is not @NullMarked");
        }
    }
}
