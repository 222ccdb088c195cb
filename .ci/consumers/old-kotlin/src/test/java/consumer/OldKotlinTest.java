package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.SmartFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A framework BOM imported first pins kotlin-stdlib 1.9.25; smartfile-bom still moves OkHttp to 5. */
class OldKotlinTest {

    @RegisterExtension
    static SmartFileEmulatorExtension emulator = new SmartFileEmulatorExtension();

    @Test
    void theSdkWorksOnTheFrameworksKotlin(SmartFile client) throws Exception {
        System.out.println("kotlin-stdlib " + kotlin.KotlinVersion.CURRENT + ", OkHttp "
                + Class.forName("okhttp3.OkHttp").getField("VERSION").get(null));
        assertEquals("1.9.25", kotlin.KotlinVersion.CURRENT.toString());
        client.paths().mkdir("/consumer");
        client.paths().upload("/consumer", com.smartfile.sdk.UploadSource.of(new byte[] {1, 2, 3}).named("a.bin"));
        assertEquals(3L, client.paths().info("/consumer/a.bin").getSize());
        assertTrue(client.paths().list("/consumer").iterator().hasNext());
    }
}
