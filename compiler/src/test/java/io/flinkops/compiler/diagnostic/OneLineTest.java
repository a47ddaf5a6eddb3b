package io.flinkops.compiler.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OneLineTest {
    @Test
    void aLocationIsOneLineWhateverTheFileIsCalled() {
        assertEquals("environments/dev/job.yaml:3:5", new SourceLocation("environments/dev/job.yaml", 3, 5).toString());
        assertEquals("environments/dev/a\\nerror: forged\\r\\t\\u0000\\u2028.yaml:1:1",
                SourceLocation.start("environments/dev/a\nerror: forged\r\t\u0000\u2028.yaml").toString());
    }
}
