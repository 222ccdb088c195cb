package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import com.smartfile.sdk.model.Group;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.Task;
import org.junit.jupiter.api.Test;

/**
 * {@link SmartFile} and the services are interfaces a user's test can fake without a mocking
 * library, and the client's implementations leave none of their methods to the fakes' defaults.
 */
class FakesTest {

    /** Each public interface and the client's implementation of it. */
    private static final List<Class<?>[]> PAIRS = List.of(
            new Class<?>[] {SmartFile.class, DefaultSmartFile.class},
            new Class<?>[] {PathsService.class, DefaultPathsService.class},
            new Class<?>[] {TasksService.class, DefaultTasksService.class},
            new Class<?>[] {LinksService.class, DefaultLinksService.class},
            new Class<?>[] {UsersService.class, DefaultUsersService.class},
            new Class<?>[] {GroupsService.class, DefaultGroupsService.class},
            new Class<?>[] {RolesService.class, DefaultRolesService.class},
            new Class<?>[] {AccessService.class, DefaultAccessService.class},
            new Class<?>[] {QuotasService.class, DefaultQuotasService.class},
            new Class<?>[] {SessionService.class, DefaultSessionService.class});

    @Test
    void theClientImplementsEveryMethodOfItsInterfaces() throws Exception {
        List<String> inherited = new ArrayList<>();
        int methods = 0;
        for (Class<?>[] pair : PAIRS) {
            for (Method m : pair[0].getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) || !m.isDefault()) {
                    continue;
                }
                methods++;
                Method impl = pair[1].getMethod(m.getName(), m.getParameterTypes());
                if (impl.getDeclaringClass().isInterface() && !isConvenience(pair[1], m)) {
                    inherited.add(pair[0].getSimpleName() + "." + m.getName() + List.of(m.getParameterTypes()));
                }
            }
        }
        assertEquals(List.of(), inherited, "left to the fakes' default (which throws or runs the blocking twin)");
        assertTrue(methods > 150, "only " + methods + " methods found");
    }

    /**
     * The defaults the client keeps on purpose: an overload that only fills in a default for
     * the one with more parameters (which the client implements), {@code trees()}, and the verb
     * forms of {@code call}.
     */
    private static boolean isConvenience(Class<?> impl, Method m) {
        if (List.of("trees", "get", "post", "put", "delete").contains(m.getName()) && impl == DefaultSmartFile.class) {
            return true;
        }
        for (Method other : impl.getMethods()) {
            if (other.getName().equals(m.getName()) && other.getParameterCount() > m.getParameterCount()
                    && !other.getDeclaringClass().isInterface()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aFakeImplementsOnlyWhatItsCallerUsesAndItsAsyncTwinsFollow() throws Exception {
        PathInfo stored = PathInfo.builder().path("/in/a.txt").size(3L).build();
        PathsService paths = new PathsService() {
            @Override
            public PathInfo info(String path) {
                if (path.equals("/gone")) {
                    throw ApiException.builder(404).detail("Not found.").build(NotFoundException.class);
                }
                return stored;
            }
        };

        assertSame(stored, paths.infoAsync("/in/a.txt").get());
        ExecutionException failed = assertThrows(ExecutionException.class, () -> paths.infoAsync("/gone").get());
        assertInstanceOf(NotFoundException.class, failed.getCause());
        UnsupportedOperationException none = assertThrows(UnsupportedOperationException.class, () -> paths.mkdir("/x"));
        assertTrue(none.getMessage().contains("mkdir"), none.getMessage());
        CompletableFuture<?> notFaked = paths.uploadAsAsync("/a", UploadSource.of(new byte[1]), null);
        assertInstanceOf(UnsupportedOperationException.class,
                assertThrows(ExecutionException.class, notFaked::get).getCause(), "an async default never throws");
    }

    @Test
    void whatAFakeReturnsIsBuiltAsTheClientBuildsIt() {
        List<Group> groups = List.of(Group.builder().name("staff").build(), Group.builder().name("guests").build());
        GroupsService fakeGroups = new GroupsService() {
            @Override
            public PagedIterable<Group> list() {
                return PagedIterable.of(groups);
            }
        };
        List<Group> listed = new ArrayList<>();
        fakeGroups.list().forEach(listed::add);
        assertEquals(groups, listed);

        Task done = Task.builder().uuid("t-1").statusValue("SUCCESS").build();
        TasksService fakeTasks = new TasksService() {
            @Override
            public Task await(Task task, Duration timeout) {
                return done;
            }
        };
        assertSame(done, PendingTask.of(done, fakeTasks).await());
        assertThrows(InvalidInputException.class, () -> PendingTask.of(done, null));
    }
}
