package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.SmartFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The application's OkHttp 4 is moved to 5 by smartfile-bom: the SDK works, and so does the application's Retrofit. */
class WithBomTest {

    @RegisterExtension
    static SmartFileEmulatorExtension emulator = new SmartFileEmulatorExtension();

    @Test
    void theSdkWorksBesideTheApplicationsOkHttp(SmartFile client) throws Exception {
        assertTrue(String.valueOf(Class.forName("okhttp3.OkHttp").getField("VERSION").get(null)).startsWith("5."));
        client.paths().mkdir("/consumer");
        assertTrue(client.paths().info("/consumer").isDirectory());
        assertEquals("pong", String.valueOf(client.ping().getPing()));
    }
}
