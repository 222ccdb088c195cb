package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The API guard: the public API of the exported packages (every public type, and its public and
 * protected constructors, methods and fields, inherited ones included) is dumped as sorted text
 * and compared with the checked-in {@code sdk-ext/api/smartfile-sdk.api}. A change to the API
 * fails the build with the lines that were added and removed until the dump is updated with
 * {@code mvn -pl sdk-ext -am test -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false -Dsmartfile.api.update=true},
 * so a reviewer sees every API change in the diff of that file.
 */
class PublicApiTest {

    static final Path DUMP = Paths.get("api/smartfile-sdk.api");
    static final List<String> EXPORTED = List.of("com.smartfile.sdk", "com.smartfile.sdk.model", "com.smartfile.sdk.tree");

    @Test
    void publicApiMatchesTheCheckedInDump() throws Exception {
        List<String> actual = dump();
        if (Boolean.getBoolean("smartfile.api.update")) {
            Files.createDirectories(DUMP.getParent());
            Files.write(DUMP, (String.join("\n", actual) + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        List<String> expected = Files.exists(DUMP) ? Files.readAllLines(DUMP, StandardCharsets.UTF_8) : List.of();
        if (!expected.equals(actual)) {
            Set<String> removed = new LinkedHashSet<>(expected);
            removed.removeAll(actual);
            Set<String> added = new LinkedHashSet<>(actual);
            added.removeAll(expected);
            fail("The public API changed (" + DUMP.toAbsolutePath().normalize() + "):\n"
                    + removed.stream().map(l -> "- " + l).collect(Collectors.joining("\n")) + (removed.isEmpty() ? "" : "\n")
                    + added.stream().map(l -> "+ " + l).collect(Collectors.joining("\n"))
                    + "\nIf that is intended, update the dump: mvn -pl sdk-ext -am test -Dtest=PublicApiTest "
                    + "-Dsurefire.failIfNoSpecifiedTests=false -Dsmartfile.api.update=true (and say why in README's Changelog).");
        }
    }

    /**
     * Every type the public API names (supertypes, type parameters' bounds, and the types of public and protected
     * constructors, methods and fields) is one a user can name too: public, and of ours only when in an exported
     * package. A public interface extending a package-private one, or a method returning an internal type, fails.
     */
    @Test
    void publicSignaturesNameOnlyTypesAUserCanName() throws Exception {
        assertEquals(List.of(), unnameableTypes(publicTypes()),
                "public signatures that name a package-private type or one of a package that is not exported");
    }

    /** Lines {@code <where>: <type>} for each type named by the API of {@code types} that a user cannot name. */
    static List<String> unnameableTypes(List<Class<?>> types) {
        List<String> out = new ArrayList<>();
        for (Class<?> type : types) {
            String name = type.getName();
            check(out, name + " extends", type.getGenericSuperclass());
            for (Type t : type.getGenericInterfaces()) {
                check(out, name + " extends", t);
            }
            for (TypeVariable<?> v : type.getTypeParameters()) {
                check(out, name + "<" + v.getName() + ">", v);
            }
            List<Executable> members = new ArrayList<>(Arrays.asList(type.getDeclaredConstructors()));
            members.addAll(Arrays.asList(type.getMethods()));
            members.addAll(Arrays.asList(type.getDeclaredMethods()));
            for (Executable e : members) {
                if (!visible(e) || e.isSynthetic() || e.getDeclaringClass().getName().startsWith("java.")) {
                    continue;
                }
                String where = name + "." + (e instanceof Constructor ? "<init>" : e.getName());
                if (e instanceof Method) {
                    check(out, where + " returns", ((Method) e).getGenericReturnType());
                }
                for (Type t : e.getGenericParameterTypes()) {
                    check(out, where + " takes", t);
                }
                for (Type t : e.getGenericExceptionTypes()) {
                    check(out, where + " throws", t);
                }
                for (TypeVariable<?> v : e.getTypeParameters()) {
                    check(out, where + "<" + v.getName() + ">", v);
                }
            }
            for (Field f : type.getFields()) {
                check(out, name + "." + f.getName(), f.getGenericType());
            }
        }
        return out.stream().distinct().sorted().collect(Collectors.toList());
    }

    private static void check(List<String> out, String where, Type t) {
        check(out, where, t, new HashSet<>());
    }

    private static void check(List<String> out, String where, Type t, Set<Type> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        if (t instanceof Class) {
            Class<?> c = (Class<?>) t;
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (!c.isPrimitive() && !nameable(c)) {
                out.add(where + ": " + c.getName());
            }
        } else if (t instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) t;
            check(out, where, p.getRawType(), seen);
            check(out, where, p.getOwnerType(), seen);
            for (Type a : p.getActualTypeArguments()) {
                check(out, where, a, seen);
            }
        } else if (t instanceof GenericArrayType) {
            check(out, where, ((GenericArrayType) t).getGenericComponentType(), seen);
        } else if (t instanceof WildcardType) {
            for (Type b : ((WildcardType) t).getUpperBounds()) {
                check(out, where, b, seen);
            }
            for (Type b : ((WildcardType) t).getLowerBounds()) {
                check(out, where, b, seen);
            }
        } else if (t instanceof TypeVariable) {
            for (Type b : ((TypeVariable<?>) t).getBounds()) {
                check(out, where, b, seen);
            }
        }
    }

    /** Public (and its enclosing types too), and when it is ours, in an exported package. */
    private static boolean nameable(Class<?> c) {
        for (Class<?> t = c; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return !c.getName().startsWith("com.smartfile.") || EXPORTED.contains(c.getPackageName());
    }

    /** The check itself: it names a package-private supertype and a type of an unexported package. */
    @Test
    void theCheckFindsWhatAUserCannotName() {
        List<String> found = unnameableTypes(List.of(LeakingApi.class));
        assertEquals(List.of(
                LeakingApi.class.getName() + " extends: " + Hidden.class.getName(),
                LeakingApi.class.getName() + ".hidden takes: " + Hidden.class.getName(),
                LeakingApi.class.getName() + ".wire returns: com.smartfile.sdk.internal.SmartFileJson"), found);
    }

    interface Hidden {
    }

    /** A public type whose signatures leak (test fixture). */
    public interface LeakingApi extends Hidden {
        /** @return an internal type */
        com.smartfile.sdk.internal.SmartFileJson wire();

        /** @param h a package-private type, inside a generic argument */
        void hidden(List<? extends Hidden> h);
    }

    /** One line per type and per member, types in name order, each type's members sorted under it. */
    static List<String> dump() throws IOException, URISyntaxException, ClassNotFoundException {
        List<String> lines = new ArrayList<>();
        for (Class<?> type : publicTypes()) {
            lines.add(describe(type));
            // Sorted by member name, then by the whole line.
            Map<String, String> members = new TreeMap<>();
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (visible(c)) {
                    add(members, "<init>", signature(type, c));
                }
            }
            for (Method m : type.getMethods()) {
                if (!m.getDeclaringClass().getName().startsWith("java.") && (m.isBridge() || !m.isSynthetic()) && visible(m)) {
                    add(members, m.getName(), signature(type, original(type, m)));
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isProtected(m.getModifiers()) && !m.isSynthetic()) {
                    add(members, m.getName(), signature(type, m));
                }
            }
            for (Field f : type.getFields()) {
                if (!f.getDeclaringClass().getName().startsWith("java.")) {
                    add(members, f.getName(), "  field " + modifiers(f) + f.getGenericType().getTypeName() + " " + f.getName());
                }
            }
            lines.addAll(members.values());
        }
        return lines;
    }

    private static void add(Map<String, String> members, String name, String line) {
        members.put(name + " " + line, line);
    }

    /**
     * The method a bridge stands for: javac copies the public methods of a package-private base
     * class into the public class as bridges, which lose their generic types and varargs.
     */
    private static Method original(Class<?> type, Method m) {
        if (!m.isBridge()) {
            return m;
        }
        for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
            try {
                Method declared = c.getDeclaredMethod(m.getName(), m.getParameterTypes());
                if (!declared.isBridge()) {
                    return declared;
                }
            } catch (NoSuchMethodException e) {
                // not declared at this level
            }
        }
        return m;
    }

    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Paths.get(SmartFile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> types = new ArrayList<>();
        for (String pkg : EXPORTED) {
            Path dir = root.resolve(pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().collect(Collectors.toList())) {
                    String file = f.getFileName().toString();
                    if (file.endsWith(".class") && !file.equals("package-info.class")) {
                        Class<?> c = Class.forName(pkg + "." + file.substring(0, file.length() - 6), false,
                                PublicApiTest.class.getClassLoader());
                        if (isApi(c)) {
                            types.add(c);
                        }
                    }
                }
            }
        }
        types.sort((a, b) -> a.getName().compareTo(b.getName()));
        return types;
    }

    private static boolean isApi(Class<?> c) {
        for (Class<?> t = c; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(Member m) {
        return Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers());
    }

    private static String describe(Class<?> type) {
        String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum" : "class";
        int mods = type.getModifiers() & ~(Modifier.INTERFACE | Modifier.ABSTRACT * (type.isInterface() ? 1 : 0));
        StringBuilder s = new StringBuilder(Modifier.toString(mods)).append(' ').append(kind).append(' ').append(type.getName());
        String generics = Arrays.stream(type.getTypeParameters()).map(Object::toString).collect(Collectors.joining(", "));
        if (!generics.isEmpty()) {
            s.append('<').append(generics).append('>');
        }
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()) {
            Class<?> parent = type.getSuperclass();
            // A package-private base is listed by its members only (publicSignaturesNameOnlyTypesAUserCanName fails on one).
            if (Modifier.isPublic(parent.getModifiers())) {
                s.append(" extends ").append(type.getGenericSuperclass().getTypeName());
            }
        }
        String interfaces = Arrays.stream(type.getGenericInterfaces()).map(java.lang.reflect.Type::getTypeName)
                .collect(Collectors.joining(", "));
        if (!interfaces.isEmpty()) {
            s.append(type.isInterface() ? " extends " : " implements ").append(interfaces);
        }
        return s.toString();
    }

    private static String signature(Class<?> owner, Executable e) {
        String params = Arrays.stream(e.getGenericParameterTypes()).map(java.lang.reflect.Type::getTypeName)
                .collect(Collectors.joining(", "));
        if (e.isVarArgs()) {
            params = params.replaceAll("\\[\\]$", "...");
        }
        String generics = Arrays.stream(e.getTypeParameters()).map(Object::toString).collect(Collectors.joining(", "));
        String head = "  " + modifiers(e) + (generics.isEmpty() ? "" : "<" + generics + "> ");
        String throwsClause = Arrays.stream(e.getGenericExceptionTypes()).map(java.lang.reflect.Type::getTypeName)
                .collect(Collectors.joining(", "));
        String tail = throwsClause.isEmpty() ? "" : " throws " + throwsClause;
        if (e instanceof Constructor) {
            return head + owner.getSimpleName() + "(" + params + ")" + tail;
        }
        Method m = (Method) e;
        return head + m.getGenericReturnType().getTypeName() + " " + m.getName() + "(" + params + ")" + tail;
    }

    private static String modifiers(Member m) {
        int mods = m.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT);
        if (m.getDeclaringClass().isInterface()) {
            mods &= ~(Modifier.PUBLIC | Modifier.ABSTRACT);
        }
        String s = Modifier.toString(mods);
        return s.isEmpty() ? "" : s + " ";
    }
}
