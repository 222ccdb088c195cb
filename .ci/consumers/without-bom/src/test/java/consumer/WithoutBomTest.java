package consumer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.ConfigurationException;
import com.smartfile.sdk.SmartFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** OkHttp 4.12 comes first on the class path and no BOM fixes it: build() says so, before any call. */
@ExtendWith(SmartFileEmulatorExtension.class)
class WithoutBomTest {

    @Test
    void buildFailsNamingTheJarAndTheFix(EmulatorCredentials emulator) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SmartFile.builder()
                .baseUrl(emulator.baseUrl()).basicAuth(emulator.key(), emulator.password()).build());
        String m = e.getMessage();
        System.out.println("ConfigurationException: " + m);
        assertTrue(m.contains("OkHttp 4.12.0 was loaded from") && m.contains("okhttp-4.12.0.jar"), m);
        assertTrue(m.contains("okhttp-jvm-5."), m);
        assertTrue(m.contains("smartfile-bom") && m.contains("exclude com.squareup.okhttp3:okhttp"), m);
    }
}
