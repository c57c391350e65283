package org.herald.localstack;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Keys made fresh for each local run; they never leave this machine. */
record LocalSecrets(String sealingKey, String adminKey) {

    static LocalSecrets generate() {
        SecureRandom random = new SecureRandom();
        byte[] sealing = new byte[32];
        random.nextBytes(sealing);
        byte[] admin = new byte[24];
        random.nextBytes(admin);
        return new LocalSecrets(
                Base64.getEncoder().encodeToString(sealing), HexFormat.of().formatHex(admin));
    }
}
